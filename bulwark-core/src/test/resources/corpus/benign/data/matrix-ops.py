# corpus: numpy matrix inverse, eigenvalues and solving a linear system
import numpy as np

A = np.array([[4.0, 1.0, 2.0], [1.0, 3.0, 0.5], [2.0, 0.5, 5.0]])
b = np.array([7.0, 4.5, 7.5])

x = np.linalg.solve(A, b)
eigvals, eigvecs = np.linalg.eigh(A)

print("solution:", x.round(4))
print("check A@x == b:", np.allclose(A @ x, b))
print("eigenvalues:", eigvals.round(4))
print("condition number:", round(np.linalg.cond(A), 3))
print("positive definite:", bool((eigvals > 0).all()))
