#!/usr/bin/env python3
"""Check resources/models/iron_csc.json against MODEL.md (standard library only).

1. Prints, per species, the signed sum of reaction ids implied by the stoichiometries and asserts it
   equals the assembled ODEs of MODEL.md §3.5.
2. Checks that every formula symbol is defined, that ids are valid SIds and not L3 keywords.
3. Cross-checks species initial values and parameter values with the tables of MODEL.md §2 and §4
   (when MODEL.md is found).
4. Evaluates the right-hand side at the non-CSC steady state (must be ~0) and solves for the CSC
   steady state, comparing it with the "CSC ss" column of MODEL.md §2.

    python3 resources/models/tools/check_iron_csc.py [path/to/MODEL.md]
"""
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
JSON_PATH = os.path.join(HERE, "..", "iron_csc.json")
MODEL_MD = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/model/MODEL.md"

# MODEL.md §3.5, written out (coefficient per reaction id; split rows use their suffixed ids).
EXPECTED = {
    "TfR1": {"R1": 1, "R2": -1},
    "Fe3_endo": {"R3": 1, "R4": -1},
    "Fe2_endo": {"R4": 1, "R5": -1, "R6": -1},
    "LIP": {"R5": 1, "R8": 1, "R10": 1, "R11_Fe": 1, "R54": 1, "R9": -1, "R17": -1, "R21": -1, "R23": -1},
    "FT": {"R14": 1, "R11_FT": -1, "R12_FT": -1, "R13_FT": -1},
    "FtFe": {"R9": 1, "R10": -1, "R11_Fe": -1, "R12_Fe": -1, "R13_Fe": -1},
    "Fe_lys": {"R6": 1, "R7": 1, "R12_Fe": 1, "R8": -1, "R24": -1},
    "FPN": {"R15": 1, "R16": -1},
    "IRP1": {"R18": 1},
    "IRP2": {"R19": 1, "R20": -1},
    "Fe_mito": {"R21": 1, "R22": -1, "R51": -1},
    "CD133": {"R25_syn": 1, "R25_deg": -1},
    "CD44": {"R26_syn": 1, "R26_deg": -1},
    "ROS": {"R27": 1, "R28": -1},
    "LOOH": {"R29": 1, "R30": 1, "R31": -1, "R32": -1},
    "GSH": {"R34": 1, "R36": -1},
    "Cys": {"R33": 2, "R34": -1, "R35": -1},
    "xCT": {"R37": 1, "R38": -1},
    "CD44v": {"R39_syn": 1, "R39_deg": -1},
    "GPX4": {"R40": 1, "R41": -1},
    "NRF2": {"R42": 1, "R43": -1},
    "V": {"R44": -1},
    "ALA": {"R45": 1, "R49": 1, "R50": -8, "R46": -1},
    "ALAS1": {"R47": 1, "R48": -1},
    "PpIX": {"R50": 1, "R51": -1, "R52": -1, "R53": -1},
    "Heme": {"R51": 1, "R54": -1, "R55": -1},
    "HO1": {"R56": 1, "R57": -1},
    "ABCG2": {"R58_syn": 1, "R58_deg": -1},
    "PDT": {"R59": 1},
    "HIF1a": {"R60": 1, "R61": -1},
    "Epi": {"R62": 1},
    "Stem": {"R63": 1},
}

L3_RESERVED = {"time", "pi", "e", "exponentiale", "true", "false", "avogadro", "inf", "infinity",
               "nan", "notanumber", "abs", "exp", "ln", "log", "log10", "sqrt", "sqr", "pow", "power",
               "root", "max", "min", "rem", "quotient", "floor", "ceil", "ceiling", "factorial",
               "piecewise", "delay", "rateof", "lambda", "and", "or", "not", "xor", "implies",
               "eq", "neq", "gt", "lt", "geq", "leq", "plus", "minus", "times", "divide",
               "sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh", "sech", "csch", "coth",
               "arcsin", "arccos", "arctan", "arcsec", "arccsc", "arccot", "arcsinh", "arccosh",
               "arctanh", "arcsech", "arccsch", "arccoth"}
SID = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
IDENT = re.compile(r"(?<![0-9.])[A-Za-z_][A-Za-z0-9_]*")

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def symbols(formula, funcs):
    out = []
    for m in IDENT.finditer(formula):
        name = m.group(0)
        rest = formula[m.end():].lstrip()
        if rest.startswith("(") and (name in funcs or name in ("max", "min", "exp")):
            continue
        if name not in out:
            out.append(name)
    return out


def ode_check(model):
    net = {s["id"]: {} for s in model["species"]}
    for r in model["reactions"]:
        for ref in r["reactants"]:
            net[ref["species"]][r["id"]] = net[ref["species"]].get(r["id"], 0) - ref["stoichiometry"]
        for ref in r["products"]:
            net[ref["species"]][r["id"]] = net[ref["species"]].get(r["id"], 0) + ref["stoichiometry"]
    print("== ODE check (MODEL.md §3.5) ==")
    for sid, terms in net.items():
        terms = {k: v for k, v in terms.items() if v != 0}
        text = " ".join(("+ " if v > 0 else "- ") + ("" if abs(v) == 1 else "%g·" % abs(v)) + k
                        for k, v in terms.items())
        ok = terms == EXPECTED.get(sid)
        print("d%-9s/dt = %s%s" % (sid, text, "" if ok else "   <-- MISMATCH, expected %s" % EXPECTED.get(sid)))
        if not ok:
            fail("ODE of %s" % sid)
    if set(net) != set(EXPECTED):
        fail("species set differs from §3.5: %s" % (set(net) ^ set(EXPECTED)))


def symbol_check(project):
    model = project["model"]
    funcs = {f["id"]: f for f in model["functions"]}
    known = set()
    for key in ("compartments", "species", "parameters", "reactions"):
        known |= {x["id"] for x in model[key]}
    all_ids = [x["id"] for key in ("functions", "compartments", "species", "parameters", "reactions")
               for x in model[key]]
    for i in all_ids:
        if not SID.match(i):
            fail("invalid SId %r" % i)
        if i.lower() in L3_RESERVED:
            fail("id %r clashes with an L3 keyword" % i)
    if len(set(all_ids)) != len(all_ids):
        fail("duplicate ids: %s" % sorted({i for i in all_ids if all_ids.count(i) > 1}))
    for f in model["functions"]:
        for s in symbols(f["body"], funcs):
            if s not in f["arguments"]:
                fail("function %s uses %s, not an argument" % (f["id"], s))
    used = set()
    formulas = [("rule " + r["variable"], r["math"]) for r in model["rules"]]
    formulas += [("reaction " + r["id"], r["kineticLaw"]) for r in model["reactions"]]
    for where, text in formulas:
        for s in symbols(text, funcs):
            used.add(s)
            if s not in known:
                fail("%s uses unknown symbol %s" % (where, s))
    for r in model["reactions"]:
        for m in r["modifiers"]:
            if m not in {s["id"] for s in model["species"]}:
                fail("reaction %s modifier %s is not a species" % (r["id"], m))
    params = {p["id"] for p in model["parameters"]}
    for g in project["genes"]:
        if g["parameter"] not in params:
            fail("gene %s parameter missing" % g["id"])
    for i in project["inputs"]:
        if i["parameter"] not in params:
            fail("input %s parameter missing" % i["id"])
    for ph in project["phenotypes"]:
        for k in ph["values"]:
            if k not in params:
                fail("phenotype %s sets unknown %s" % (ph["id"], k))
    for r in project["readouts"]:
        if r not in known:
            fail("readout %s unknown" % r)
    unused = sorted(params - used - set(project["readouts"]))
    print("== symbol check: %d formulas; parameters used in no formula: %s" % (len(formulas), unused))


def md_tables(path):
    """Parse the §2 species table and the §4 parameter tables of MODEL.md."""
    text = open(path, encoding="utf-8").read()
    species, params = {}, {}
    sec2 = text.split("## 2. State variables")[1].split("## 3.")[0]
    for line in sec2.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 6 and cells[0].isdigit():
            species[cells[1]] = (float(cells[4]), float(cells[5]))
    sec4 = text.split("## 4. Parameters")[1].split("## 5.")[0]
    for line in sec4.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or cells[0] in ("id", "---"):
            continue
        ids = [i.strip() for i in cells[0].split(",")]
        vals = [v.strip() for v in cells[1].split(",")]
        if len(ids) != len(vals):
            continue
        for i, v in zip(ids, vals):
            try:
                params[i] = float(v)
            except ValueError:
                pass
    return species, params


def table_check(project):
    if not os.path.exists(MODEL_MD):
        print("== MODEL.md not found; table check skipped")
        return None
    sp_md, par_md = md_tables(MODEL_MD)
    model = project["model"]
    sp = {s["id"]: s["initialConcentration"] for s in model["species"]}
    pv = {p["id"]: p["value"] for p in model["parameters"]}
    for sid, (non, _) in sp_md.items():
        if sp.get(sid) != non:
            fail("species %s initial %s, MODEL.md %s" % (sid, sp.get(sid), non))
    if set(sp_md) != set(sp):
        fail("species ids differ from MODEL.md §2: %s" % (set(sp_md) ^ set(sp)))
    for pid, v in par_md.items():
        if pv.get(pid) != v:
            fail("parameter %s = %s, MODEL.md %s" % (pid, pv.get(pid), v))
    print("== table check: %d species and %d §4 parameter values compared" % (len(sp_md), len(par_md)))
    return sp_md


# --------------------------------------------------------------------------------------------
# A tiny evaluator: formulas -> Python expressions.
# --------------------------------------------------------------------------------------------
def pyexpr(formula):
    return formula.replace("^", "**")


class Model:
    def __init__(self, project):
        m = project["model"]
        self.species = [s["id"] for s in m["species"]]
        self.params = {p["id"]: p["value"] for p in m["parameters"]}
        self.rules = [(r["variable"], compile(pyexpr(r["math"]), r["variable"], "eval")) for r in m["rules"]]
        self.reactions = [(r["id"], compile(pyexpr(r["kineticLaw"]), r["id"], "eval"),
                           [(x["species"], -x["stoichiometry"]) for x in r["reactants"]] +
                           [(x["species"], x["stoichiometry"]) for x in r["products"]]) for r in m["reactions"]]
        self.env0 = {"max": max, "min": min, "exp": math.exp}
        for f in m["functions"]:
            self.env0[f["id"]] = eval("lambda %s: %s" % (", ".join(f["arguments"]), pyexpr(f["body"])),
                                      {"max": max, "exp": math.exp})
        self.index = {s: i for i, s in enumerate(self.species)}

    def env(self, y, overrides):
        env = dict(self.env0)
        env.update(self.params)
        env.update(overrides)
        for s, v in zip(self.species, y):
            env[s] = max(v, 0.0)   # clampNegativeStates
        for var, code in self.rules:
            env[var] = eval(code, env)
        return env

    def rhs(self, y, overrides):
        env = self.env(y, overrides)
        dy = [0.0] * len(y)
        for _, code, stoich in self.reactions:
            v = eval(code, env)
            for s, c in stoich:
                dy[self.index[s]] += c * v
        return dy


def solve_linear(a, b):
    n = len(b)
    a = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[piv] = a[piv], a[col]
        p = a[col][col]
        for r in range(col + 1, n):
            f = a[r][col] / p
            if f:
                for c in range(col, n + 1):
                    a[r][c] -= f * a[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][r]
    return x


def jacobian(model, y, over, f0):
    n = len(y)
    jac = [[0.0] * n for _ in range(n)]
    for j in range(n):
        h = 1e-7 * max(abs(y[j]), 1e-6)
        yp = y[:]
        yp[j] += h
        fp = model.rhs(yp, over)
        for i in range(n):
            jac[i][j] = (fp[i] - f0[i]) / h
    return jac


def implicit_euler(model, y, over, t_end, dt0=1e-3, frozen=()):
    """Backward Euler with step doubling; good enough to reach a steady state."""
    t, dt = 0.0, dt0
    frozen_idx = {model.index[s] for s in frozen}
    while t < t_end - 1e-12:
        dt = min(dt, t_end - t)
        x = y[:]
        ok = False
        for _ in range(8):
            f = model.rhs(x, over)
            jac = jacobian(model, x, over, f)
            n = len(y)
            a = [[(1.0 if i == j else 0.0) - dt * jac[i][j] for j in range(n)] for i in range(n)]
            g = [-(x[i] - y[i] - dt * f[i]) for i in range(n)]
            dx = solve_linear(a, g)
            x = [xi + di for xi, di in zip(x, dx)]
            if max(abs(d) / (abs(v) + 1e-9) for d, v in zip(dx, x)) < 1e-9:
                ok = True
                break
        if not ok:
            dt /= 4
            continue
        for i in frozen_idx:
            x[i] = y[i]
        y, t = x, t + dt
        dt *= 2
    return y


def steady_state_check(project, sp_md):
    model = Model(project)
    y0 = [s["initialConcentration"] for s in project["model"]["species"]]
    f = model.rhs(y0, {})
    print("== non-CSC: relative derivative at the printed steady state (|dy|/max(y, 1e-3)), largest:")
    rel = sorted(((abs(d) / max(abs(v), 1e-3), s) for d, v, s in zip(f, y0, model.species)), reverse=True)[:5]
    print("   " + ", ".join("%s %.2g /h" % (s, r) for r, s in rel))
    if rel[0][0] > 0.05:
        fail("non-CSC printed steady state is not stationary (%s)" % rel[0][1])
    if not sp_md:
        return
    csc = next(p for p in project["phenotypes"] if p["id"] == "CSC")["values"]
    for label, over, col in (("nonCSC", {}, 0), ("CSC", csc, 1)):
        y = implicit_euler(model, y0, over, 4000.0, frozen=("V", "PDT"))
        worst = 0
        rows = []
        for s, v in zip(model.species, y):
            ref = sp_md[s][col]
            if s in ("V", "PDT"):
                continue
            err = abs(v - ref) / max(abs(ref), 1e-12)
            worst = max(worst, err)
            rows.append("%s %.4g (MODEL %.4g)" % (s, v, ref))
        print("== %s steady state (implicit Euler, 4000 h): worst relative deviation from MODEL.md column %.2g%%"
              % (label, 100 * worst))
        if worst > 0.01:
            print("   " + "; ".join(rows))
            fail("%s steady state deviates from MODEL.md by %.2g%%" % (label, 100 * worst))


def main():
    project = json.load(open(JSON_PATH, encoding="utf-8"))
    ode_check(project["model"])
    symbol_check(project)
    sp_md = table_check(project)
    steady_state_check(project, sp_md)
    print("== %d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
