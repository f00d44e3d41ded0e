# corpus: simple event bus with subscribe/publish and weak method references
import weakref
from collections import defaultdict

class EventBus:
    def __init__(self):
        self._subs = defaultdict(list)

    def subscribe(self, event, callback):
        ref = weakref.WeakMethod(callback) if hasattr(callback, "__self__") else (lambda cb=callback: cb)
        self._subs[event].append(ref)

    def publish(self, event, **payload):
        alive = []
        for ref in self._subs[event]:
            cb = ref()
            if cb is not None:
                cb(**payload)
                alive.append(ref)
        self._subs[event] = alive

class Auditor:
    def __init__(self):
        self.entries = []

    def on_login(self, user):
        self.entries.append(f"login {user}")

bus = EventBus()
auditor = Auditor()
bus.subscribe("login", auditor.on_login)
bus.subscribe("login", lambda user: print("welcome", user))
bus.publish("login", user="ana")
del auditor
bus.publish("login", user="bo")
print(len(bus._subs["login"]), "subscribers left")
