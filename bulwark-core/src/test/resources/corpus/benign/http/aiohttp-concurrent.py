# corpus: concurrent GETs with aiohttp and asyncio.gather against api.example.com
import asyncio
import aiohttp

ENDPOINTS = ["status", "version", "stats/daily", "stats/weekly"]

async def fetch(session, path):
    async with session.get(f"https://api.example.com/{path}") as resp:
        body = await resp.json(content_type=None)
        return path, resp.status, body

async def main():
    timeout = aiohttp.ClientTimeout(total=20)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        results = await asyncio.gather(*(fetch(session, p) for p in ENDPOINTS), return_exceptions=True)
    for res in results:
        if isinstance(res, Exception):
            print("error:", res)
        else:
            path, status, body = res
            print(f"{path:12} {status} {str(body)[:60]}")

asyncio.run(main())
