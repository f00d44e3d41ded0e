# corpus: rename image files in /work/photos to a zero-padded sequence
import glob
import os

folder = "/work/photos"
os.makedirs(folder, exist_ok=True)
for name in ("IMG_5.jpg", "IMG_12.jpg", "IMG_3.jpg"):
    open(os.path.join(folder, name), "a").close()

def numeric_key(path):
    stem = os.path.splitext(os.path.basename(path))[0]
    return int(stem.split("_")[-1])

files = sorted(glob.glob(os.path.join(folder, "IMG_*.jpg")), key=numeric_key)
for idx, path in enumerate(files, start=1):
    new = os.path.join(folder, f"holiday_{idx:03d}.jpg")
    os.replace(path, new)
    print(os.path.basename(path), "->", os.path.basename(new))
