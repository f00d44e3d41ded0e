# corpus: argparse CLI with subcommands for a unit converter
import argparse

FACTORS = {"km": 1000.0, "m": 1.0, "cm": 0.01, "mi": 1609.344, "ft": 0.3048}

def convert(args):
    meters = args.value * FACTORS[args.src]
    print(f"{args.value} {args.src} = {meters / FACTORS[args.dst]:.4f} {args.dst}")

def list_units(args):
    for unit, f in sorted(FACTORS.items(), key=lambda kv: kv[1]):
        print(f"{unit:>3} = {f} m")

def main(argv=None):
    parser = argparse.ArgumentParser(description="Length converter")
    sub = parser.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("convert", help="convert a value")
    c.add_argument("value", type=float)
    c.add_argument("src", choices=FACTORS)
    c.add_argument("dst", choices=FACTORS)
    c.set_defaults(func=convert)
    lst = sub.add_parser("units", help="list units")
    lst.set_defaults(func=list_units)
    args = parser.parse_args(argv)
    args.func(args)

if __name__ == "__main__":
    main(["convert", "5", "km", "mi"])
    main(["units"])
