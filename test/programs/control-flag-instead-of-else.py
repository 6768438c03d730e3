# The Janus idiom for for/else: a flag set before break, tested after the loop.
def is_prime(n):
    if n < 2:
        return False
    prime = True
    d = 2
    while d * d <= n:
        if n % d == 0:
            prime = False
            break
        d += 1
    return prime
print([n for n in range(30) if is_prime(n)])
