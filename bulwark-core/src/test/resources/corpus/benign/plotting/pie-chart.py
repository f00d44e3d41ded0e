# corpus: pie chart of disk usage by file type saved to /work
import matplotlib
matplotlib.use("Agg")
from matplotlib import pyplot as plt

usage = {"images": 4.2, "video": 11.8, "documents": 1.3, "code": 0.6, "other": 2.1}
total = sum(usage.values())
explode = [0.08 if v == max(usage.values()) else 0 for v in usage.values()]

fig, ax = plt.subplots(figsize=(6, 6))
ax.pie(usage.values(), labels=usage.keys(), explode=explode,
       autopct=lambda p: f"{p:.1f}%\n({p * total / 100:.1f} GB)", startangle=90)
ax.set_title(f"Disk usage ({total:.1f} GB)")
ax.axis("equal")
fig.savefig("/work/disk_usage.png", dpi=90)
print("done")
