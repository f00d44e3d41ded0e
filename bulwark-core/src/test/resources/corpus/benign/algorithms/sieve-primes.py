# corpus: sieve of Eratosthenes and twin prime listing
def sieve(limit):
    is_prime = bytearray([1]) * (limit + 1)
    is_prime[0:2] = b"\x00\x00"
    for p in range(2, int(limit ** 0.5) + 1):
        if is_prime[p]:
            is_prime[p * p::p] = bytearray(len(range(p * p, limit + 1, p)))
    return [i for i, flag in enumerate(is_prime) if flag]

primes = sieve(200)
twins = [(a, b) for a, b in zip(primes, primes[1:]) if b - a == 2]
print(len(primes), "primes below 200")
print("twin primes:", twins)
