#!/usr/bin/env python3
"""A COPY benchmark context: N files totalling about SIZE bytes in nested directories, half of
each file random bytes and half repeated text (so gzip has work of both kinds), deterministic."""
import os, random, sys

root, count, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(4)
text = b"".join(b"line %d of a source file that compresses like code does\n" % i for i in range(2000))
mean = total // count
os.makedirs(root, exist_ok=True)
for i in range(count):
    d = os.path.join(root, "d%02d" % (i % 40), "s%03d" % (i % 500))
    os.makedirs(d, exist_ok=True)
    size = max(1, int(rng.expovariate(1 / mean)))
    half = size // 2
    start = rng.randrange(len(text) - min(half, len(text) - 1))
    body = rng.randbytes(half) + (text * (1 + half // len(text)))[start:start + size - half]
    with open(os.path.join(d, "f%05d.bin" % i), "wb") as f:
        f.write(body[:size])
with open(os.path.join(root, "Dockerfile"), "w") as f:
    f.write("FROM scratch\nCOPY . /data/\n")
