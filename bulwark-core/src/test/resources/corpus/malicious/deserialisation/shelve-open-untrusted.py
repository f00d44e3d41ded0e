# corpus: shelve.open on a database file dropped by another user (values are unpickled on read)
import shelve

with shelve.open("/tmp/shared/session") as db:
    for key in db:
        print(key, db[key])
