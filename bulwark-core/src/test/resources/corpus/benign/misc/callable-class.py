# corpus: callable objects with __call__, __getitem__ and __len__ for a rate-limited counter
import time
from collections import deque

class RateCounter:
    def __init__(self, window_seconds=1.0):
        self.window = window_seconds
        self.events = deque()

    def __call__(self, now=None):
        now = time.monotonic() if now is None else now
        self.events.append(now)
        while self.events and now - self.events[0] > self.window:
            self.events.popleft()
        return len(self)

    def __len__(self):
        return len(self.events)

    def __getitem__(self, i):
        return self.events[i]

hit = RateCounter(window_seconds=1.0)
for t in (0.0, 0.2, 0.5, 0.9, 1.3, 1.4, 2.6):
    print(f"t={t}: {hit(now=t)} events in window, oldest={hit[0]}")
