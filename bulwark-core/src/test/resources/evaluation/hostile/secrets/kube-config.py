# hostile: kubeconfig tokens read
import os

print(open(os.path.join(os.path.expanduser("~"), ".kube", "config")).read())
