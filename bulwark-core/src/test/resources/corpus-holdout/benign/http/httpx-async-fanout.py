# corpus: concurrent GETs to api.example.com resources with httpx.AsyncClient and asyncio.gather
import asyncio

import httpx

IDS = [101, 102, 103, 104, 105]

async def fetch_user(client, user_id):
    resp = await client.get(f"https://api.example.com/users/{user_id}")
    resp.raise_for_status()
    return resp.json()

async def main():
    limits = httpx.Limits(max_connections=4)
    async with httpx.AsyncClient(timeout=8.0, limits=limits) as client:
        results = await asyncio.gather(*(fetch_user(client, i) for i in IDS), return_exceptions=True)
    for uid, res in zip(IDS, results):
        if isinstance(res, Exception):
            print(uid, "error:", type(res).__name__)
        else:
            print(uid, res.get("login"))

asyncio.run(main())
