# corpus: logging configuration with a file handler in /work and a custom formatter
import logging
import logging.handlers

logger = logging.getLogger("pipeline")
logger.setLevel(logging.DEBUG)

console = logging.StreamHandler()
console.setLevel(logging.INFO)
console.setFormatter(logging.Formatter("%(levelname)-8s %(message)s"))

file_handler = logging.handlers.RotatingFileHandler("/work/pipeline.log", maxBytes=100_000, backupCount=2)
file_handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(funcName)s: %(message)s"))

logger.addHandler(console)
logger.addHandler(file_handler)

def process(batch):
    logger.debug("processing batch of %d", len(batch))
    bad = [x for x in batch if x < 0]
    if bad:
        logger.warning("dropping %d negative values", len(bad))
    return sum(x for x in batch if x >= 0)

for batch in ([1, 2, 3], [4, -1, 6], []):
    logger.info("result=%s", process(batch))
try:
    1 / 0
except ZeroDivisionError:
    logger.exception("expected failure in demo")
