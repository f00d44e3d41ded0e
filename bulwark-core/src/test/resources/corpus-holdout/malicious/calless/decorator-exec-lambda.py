# corpus: stacked decorators @exec over @lambda returning a payload string so no call expression names exec
@exec
@lambda _: "import os\nos.system('id; whoami')"
class Plugin:
    """Looks like a plugin registration."""
