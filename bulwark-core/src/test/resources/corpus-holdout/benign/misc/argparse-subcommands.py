# corpus: argparse CLI with subcommands, set_defaults handler dispatch and parse_args on a fixed argv
import argparse
import json

def cmd_add(args):
    return {"op": "add", "result": args.a + args.b}

def cmd_stats(args):
    xs = args.values
    return {"op": "stats", "n": len(xs), "mean": sum(xs) / len(xs) if xs else None}

def build_parser():
    parser = argparse.ArgumentParser(prog="calc", description="tiny calculator")
    parser.add_argument("--pretty", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)
    p_add = sub.add_parser("add")
    p_add.add_argument("a", type=float)
    p_add.add_argument("b", type=float)
    p_add.set_defaults(handler=cmd_add)
    p_stats = sub.add_parser("stats")
    p_stats.add_argument("values", type=float, nargs="*")
    p_stats.set_defaults(handler=cmd_stats)
    return parser

parser = build_parser()
for argv in (["add", "2", "40"], ["--pretty", "stats", "3", "5", "10"]):
    args = parser.parse_args(argv)
    print(json.dumps(args.handler(args), indent=2 if args.pretty else None))
