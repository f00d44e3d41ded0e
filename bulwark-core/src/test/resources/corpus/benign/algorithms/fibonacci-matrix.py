# corpus: Fibonacci numbers via fast matrix exponentiation modulo a prime
MOD = 1_000_000_007

def mat_mul(a, b):
    return [
        [(a[0][0] * b[0][0] + a[0][1] * b[1][0]) % MOD, (a[0][0] * b[0][1] + a[0][1] * b[1][1]) % MOD],
        [(a[1][0] * b[0][0] + a[1][1] * b[1][0]) % MOD, (a[1][0] * b[0][1] + a[1][1] * b[1][1]) % MOD],
    ]

def fib(n: int) -> int:
    result = [[1, 0], [0, 1]]
    base = [[1, 1], [1, 0]]
    while n:
        if n & 1:
            result = mat_mul(result, base)
        base = mat_mul(base, base)
        n >>= 1
    return result[0][1]

print([fib(i) for i in range(15)])
print("fib(10**18) mod p =", fib(10 ** 18))
