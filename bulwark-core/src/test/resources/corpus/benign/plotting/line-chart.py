# corpus: matplotlib line chart of monthly revenue saved as PNG
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
revenue = [12.1, 13.4, 12.9, 15.2, 16.8, 18.1]
costs = [9.5, 9.8, 10.1, 10.4, 11.0, 11.2]

fig, ax = plt.subplots(figsize=(8, 4.5))
ax.plot(months, revenue, marker="o", label="revenue")
ax.plot(months, costs, marker="s", linestyle="--", label="costs")
ax.fill_between(months, costs, revenue, alpha=0.15)
ax.set_title("H1 revenue vs costs (k EUR)")
ax.set_ylabel("k EUR")
ax.legend()
ax.grid(True, alpha=0.3)
fig.tight_layout()
fig.savefig("/work/revenue.png", dpi=120)
print("saved /work/revenue.png")
