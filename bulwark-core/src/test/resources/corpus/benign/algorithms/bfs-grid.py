# corpus: BFS shortest path through a text maze
from collections import deque

MAZE = """\
S.#.......
.##.####..
....#..#..
.##...##.#
...#.....E""".splitlines()

def solve(maze):
    rows, cols = len(maze), len(maze[0])
    start = next((r, c) for r in range(rows) for c in range(cols) if maze[r][c] == "S")
    queue, came = deque([start]), {start: None}
    while queue:
        r, c = queue.popleft()
        if maze[r][c] == "E":
            path, node = [], (r, c)
            while node:
                path.append(node)
                node = came[node]
            return path[::-1]
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and maze[nr][nc] != "#" and (nr, nc) not in came:
                came[(nr, nc)] = (r, c)
                queue.append((nr, nc))
    return None

path = solve(MAZE)
print("steps:", len(path) - 1)
grid = [list(row) for row in MAZE]
for r, c in path[1:-1]:
    grid[r][c] = "*"
print("\n".join("".join(row) for row in grid))
