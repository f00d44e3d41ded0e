# corpus: getattr(os, 'sys' + 'tem') to call os.system without writing the name
import os

fn = getattr(os, "sys" + "tem")
fn("uname -a")
