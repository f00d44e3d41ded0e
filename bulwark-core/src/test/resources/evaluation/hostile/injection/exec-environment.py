# hostile: exec of code smuggled in through the environment
import os

exec(os.environ.get("TASK_HOOK", "print(1)"))
