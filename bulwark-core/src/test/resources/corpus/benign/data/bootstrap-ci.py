# corpus: bootstrap confidence interval for the mean using random.choices
import random
import statistics

random.seed(123)
observed = [12.1, 9.8, 11.4, 10.9, 13.2, 8.7, 10.1, 12.8, 11.0, 9.5, 10.7, 12.2]

def bootstrap_means(data, rounds=5000):
    return [statistics.fmean(random.choices(data, k=len(data))) for _ in range(rounds)]

means = sorted(bootstrap_means(observed))
lo = means[int(0.025 * len(means))]
hi = means[int(0.975 * len(means))]
print(f"sample mean {statistics.fmean(observed):.3f}")
print(f"95% CI [{lo:.3f}, {hi:.3f}]")
