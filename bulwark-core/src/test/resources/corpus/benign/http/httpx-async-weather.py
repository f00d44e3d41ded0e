# corpus: async httpx client fetching weather JSON for several cities from data.example.org
import asyncio
import httpx

CITIES = ["lisbon", "oslo", "berlin"]

async def weather(client: httpx.AsyncClient, city: str) -> tuple[str, float | None]:
    r = await client.get(f"https://data.example.org/weather/{city}.json")
    if r.is_success:
        return city, r.json().get("temp_c")
    return city, None

async def main():
    async with httpx.AsyncClient(timeout=10) as client:
        for city, temp in await asyncio.gather(*(weather(client, c) for c in CITIES)):
            print(f"{city:>8}: {'n/a' if temp is None else f'{temp:.1f} C'}")

if __name__ == "__main__":
    asyncio.run(main())
