#!/usr/bin/env python3
"""Splits the single-module ftz-outbound tree into Maven modules (run through scripts/split-modules.sh).

Routing, so that it keeps working while main moves:
  * main Java: by package (cli, transcription -> cli; server -> server; the JDBC ledger classes -> ledger;
    audit/HtmlReport -> cli; everything else -> core), then raised to the module of any library it imports
    (picocli/POI/FastCSV/Commons CSV/progress bar -> cli, HikariCP/Flyway -> ledger, Javalin/Micrometer -> server)
    and of any project class it references, until nothing changes. A core class raised this way is reported:
    it means core would need something it must not have.
  * test Java: the same, starting from core, so a test lands in the lowest module that has all it uses;
    shared helpers stay where they are and reach the modules above through test-jars.
  * resources: ledger/** -> ledger, the rest of main -> core; test resources (scenario suites) -> core.
  * dependencies of the single pom: known ones by name; unknown ones to the modules whose main code imports one
    of their packages (read from the jar in ~/.m2), else to cli; each unknown one is reported.
"""
import os
import re
import shutil
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path.cwd()
TPL = ROOT / "scripts" / "modules"
NS = {"m": "http://maven.apache.org/POM/4.0.0"}
BASE = "io/github/ftzoutbound"
MODULES = ["core", "ledger", "cli", "server"]
DIR = {m: f"ftz-outbound-{m}" for m in MODULES}
RANK = {"core": 0, "ledger": 1, "cli": 2, "server": 2}
notes = []


def note(msg):
    notes.append(msg)
    print("split-modules: " + msg)


def join(a, b):
    if a == b:
        return a
    if RANK[a] != RANK[b]:
        return a if RANK[a] > RANK[b] else b
    note(f"a file needs both {a} and {b}; put in cli")
    return "cli"


# ---------------------------------------------------------------------------------------------------------------
# Routing of Java sources

PACKAGE_MODULE = {"cli": "cli", "transcription": "cli", "server": "server"}
FILE_MODULE = {
    "ledger/JdbcExportLedger.java": "ledger",
    "ledger/LedgerSchema.java": "ledger",
    "ledger/ConnectionPool.java": "ledger",
    "ledger/Migrations.java": "ledger",
    "audit/HtmlReport.java": "cli",
}
IMPORT_MODULE = [
    ("picocli", "cli"), ("org.apache.poi", "cli"), ("de.siegmar.fastcsv", "cli"), ("org.apache.commons.csv", "cli"),
    ("me.tongfei.progressbar", "cli"),
    ("com.zaxxer.hikari", "ledger"), ("org.flywaydb", "ledger"), ("org.h2", "ledger"), ("org.postgresql", "ledger"),
    ("io.javalin", "server"), ("io.micrometer", "server"), ("org.eclipse.jetty", "server"),
    ("org.openqa.selenium", "server"),
]
# Test code that opens JDBC connections itself needs the drivers, which only the ledger module has.
TEST_TEXT_MODULE = [("DriverManager", "ledger"), ('"jdbc:', "ledger")]


def strip_comments_and_strings(src):
    src = re.sub(r"/\*.*?\*/", " ", src, flags=re.S)
    src = re.sub(r"//[^\n]*", " ", src)
    src = re.sub(r'""".*?"""', '""', src, flags=re.S)
    src = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', src)
    return src


class JavaFile:
    def __init__(self, path, kind):
        self.path = path  # relative to ROOT
        self.kind = kind  # main, test, bench
        rel = path.relative_to(Path("src") / kind / "java" / BASE) if kind != "bench" else None
        self.rel = rel.as_posix() if rel is not None else None
        text = (ROOT / path).read_text(encoding="utf-8")
        self.text = text
        m = re.search(r"^\s*package\s+([\w.]+)\s*;", text, re.M)
        self.package = m.group(1) if m else ""
        self.name = path.stem
        self.imports = re.findall(r"^\s*import\s+(?:static\s+)?([\w.]+(?:\.\*)?)\s*;", text, re.M)
        self.code = strip_comments_and_strings(text)
        self.module = "core"
        self.why = "default"


def java_files(kind):
    base = ROOT / "src" / kind / "java"
    if not base.exists():
        return []
    return [JavaFile(p.relative_to(ROOT), kind) for p in sorted(base.rglob("*.java"))]


def route(files, index, initial):
    for f in files:
        initial(f)
    changed = True
    while changed:
        changed = False
        for f in files:
            for target in references(f, index):
                if target is f:
                    continue
                new = join(f.module, target.module)
                if new != f.module:
                    f.why = f"references {target.package}.{target.name} ({target.module})"
                    f.module = new
                    changed = True


def references(f, index):
    out = []
    for imp in f.imports:
        if imp.endswith(".*"):
            pkg = imp[:-2]
            for (p, n), g in index.items():
                if p == pkg and re.search(r"\b" + re.escape(n) + r"\b", f.code):
                    out.append(g)
        else:
            pkg, _, n = imp.rpartition(".")
            g = index.get((pkg, n))
            if g is None:  # a nested type or static member: io.github...Outer.Inner / Outer.member
                pkg2, _, n2 = pkg.rpartition(".")
                g = index.get((pkg2, n2))
            if g is not None:
                out.append(g)
    for (p, n), g in index.items():
        if p == f.package and n != f.name and re.search(r"\b" + re.escape(n) + r"\b", f.code):
            out.append(g)
    return out


def import_module(f):
    m = None
    for imp in f.imports:
        for prefix, mod in IMPORT_MODULE + [(p, mod) for p, mod in EXTRA_IMPORTS]:
            if imp == prefix or imp.startswith(prefix + "."):
                m = mod if m is None else join(m, mod)
    return m


EXTRA_IMPORTS = []  # (package prefix, module) of unknown dependencies, filled from their jars


def initial_main(f):
    top = f.rel.split("/")[0] if "/" in f.rel else ""
    f.module = FILE_MODULE.get(f.rel) or PACKAGE_MODULE.get(top, "core")
    f.why = "package" if f.module != "core" else "default"
    m = import_module(f)
    if m is not None and RANK[m] > RANK[f.module]:
        f.module, f.why = m, "imports a " + m + " library"


def initial_test(f):
    top = f.rel.split("/")[0] if "/" in f.rel else ""
    f.module = PACKAGE_MODULE.get(top, "core")
    f.why = "package" if f.module != "core" else "default"
    m = import_module(f)
    if m is not None and RANK[m] > RANK[f.module]:
        f.module, f.why = m, "imports a " + m + " library"
    for marker, mod in TEST_TEXT_MODULE:
        if marker in f.text and RANK[mod] > RANK[f.module]:
            f.module, f.why = mod, "uses " + marker.strip('"')


# ---------------------------------------------------------------------------------------------------------------
# The single pom

def text(el, tag):
    c = el.find("m:" + tag, NS)
    return c.text.strip() if c is not None and c.text else None


def read_pom():
    raw = (ROOT / "pom.xml").read_text(encoding="utf-8")
    tree = ET.parse(ROOT / "pom.xml").getroot()
    version = text(tree, "version")
    props = {}
    for p in tree.find("m:properties", NS) or []:
        if isinstance(p.tag, str):
            props[p.tag.split("}")[1]] = (p.text or "").strip()
    deps = []
    for d in tree.findall("m:dependencies/m:dependency", NS):
        deps.append({k: text(d, k) for k in ("groupId", "artifactId", "version", "scope", "optional", "type",
                                                "classifier")})
        excl = d.find("m:exclusions", NS)
        deps[-1]["exclusions"] = [(text(e, "groupId"), text(e, "artifactId"))
                                  for e in (excl.findall("m:exclusion", NS) if excl is not None else [])]
    m = re.search(r"<properties>(.*?)</properties>", raw, re.S)
    props_raw = m.group(1).strip("\n") if m else ""
    m = re.search(r"<dependencyManagement>\s*<dependencies>(.*?)</dependencies>\s*</dependencyManagement>", raw, re.S)
    depmgmt_raw = m.group(1).strip("\n") if m else ""
    m = re.search(r"<profiles>(.*?)</profiles>", raw, re.S)
    profiles_raw = m.group(1).strip("\n") if m else ""
    plugins = set(re.findall(r"<plugin>\s*(?:<!--.*?-->\s*)?<groupId>[^<]+</groupId>\s*<artifactId>([^<]+)</artifactId>",
                             raw, re.S))
    return raw, version, props, props_raw, deps, depmgmt_raw, profiles_raw, plugins


KNOWN = {
    "core": {"kie-api", "drools-core", "drools-compiler", "drools-commands", "drools-model-compiler",
             "drools-xml-support", "drools-mvel", "drools-ecj", "jackson-databind", "jackson-dataformat-yaml",
             "jackson-datatype-jsr310", "jackson-core", "jackson-annotations", "snakeyaml", "slf4j-api"},
    "ledger": {"HikariCP", "flyway-core", "flyway-database-postgresql", "h2", "postgresql"},
    "cli": {"picocli", "slf4j-simple"},
}
KNOWN_PLUGINS = {"kie-maven-plugin", "maven-compiler-plugin", "maven-resources-plugin", "maven-surefire-plugin",
                 "maven-jar-plugin", "maven-shade-plugin", "build-helper-maven-plugin", "exec-maven-plugin"}


def resolve(value, props):
    return re.sub(r"\$\{([^}]+)\}", lambda m: props.get(m.group(1), m.group(0)), value or "")


def jar_packages(dep, props):
    v = resolve(dep["version"], props)
    if not v:
        return set()
    jar = (Path.home() / ".m2" / "repository" / dep["groupId"].replace(".", "/") / dep["artifactId"] / v /
           f"{dep['artifactId']}-{v}.jar")
    if not jar.exists():
        subprocess.run(["mvn", "-B", "-q", "dependency:get", f"-Dartifact={dep['groupId']}:{dep['artifactId']}:{v}",
                        "-Dtransitive=false"], cwd=ROOT, check=False)
    if not jar.exists():
        return set()
    pkgs = set()
    with zipfile.ZipFile(jar) as z:
        for n in z.namelist():
            if n.endswith(".class") and "/" in n and not n.startswith("META-INF"):
                pkgs.add(n.rsplit("/", 1)[0].replace("/", "."))
    return pkgs


def dep_xml(d, scope=None, indent="    "):
    lines = [f"{indent}<dependency>", f"{indent}  <groupId>{d['groupId']}</groupId>",
             f"{indent}  <artifactId>{d['artifactId']}</artifactId>"]
    if d.get("type") and d["type"] != "jar":
        lines.append(f"{indent}  <type>{d['type']}</type>")
    if d.get("classifier"):
        lines.append(f"{indent}  <classifier>{d['classifier']}</classifier>")
    if scope:
        lines.append(f"{indent}  <scope>{scope}</scope>")
    if d.get("optional") == "true":
        lines.append(f"{indent}  <optional>true</optional>")
    if d.get("exclusions"):
        lines.append(f"{indent}  <exclusions>")
        for g, a in d["exclusions"]:
            lines.append(f"{indent}    <exclusion><groupId>{g}</groupId><artifactId>{a}</artifactId></exclusion>")
        lines.append(f"{indent}  </exclusions>")
    lines.append(f"{indent}</dependency>")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------------------------

def move(src, dst):
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(src), str(dst))


def module_path(module, rel):
    return Path(DIR[module]) / rel


def main():
    raw, version, props, props_raw, deps, depmgmt_raw, profiles_raw, plugins = read_pom()
    unknown_plugins = plugins - KNOWN_PLUGINS
    if unknown_plugins:
        note("the single pom configures plugins the module templates do not: " + ", ".join(sorted(unknown_plugins))
             + " -- port their configuration into scripts/modules/*.pom.xml")

    main_files = java_files("main")
    test_files = java_files("test")
    bench_files = [p for p in (ROOT / "src" / "bench").rglob("*")] if (ROOT / "src" / "bench").exists() else []

    # Unknown dependencies: which packages they bring, so that files importing them are routed.
    unknown = []
    for d in deps:
        if d["scope"] == "test":
            continue
        if not any(d["artifactId"] in s for s in KNOWN.values()):
            unknown.append(d)
            d["packages"] = jar_packages(d, props)
    # A first routing without them tells where each unknown library is used.
    index = {}
    for f in main_files:
        index[(f.package, f.name)] = f
    route(main_files, index, initial_main)
    dep_modules = {}
    for d in unknown:
        users = set()
        for f in main_files:
            for imp in f.imports:
                pkg = imp.rsplit(".", 1)[0] if not imp.endswith(".*") else imp[:-2]
                if pkg in d["packages"] or any(pkg.startswith(p + ".") for p in d["packages"]):
                    users.add(f.module)
        if not users:
            users = {"cli"}
            note(f"dependency {d['groupId']}:{d['artifactId']} is imported by no main class; given to cli")
        else:
            note(f"dependency {d['groupId']}:{d['artifactId']} given to {', '.join(sorted(users))} (imported there)")
        if "core" in users:
            note(f"CORE GAINS {d['groupId']}:{d['artifactId']}: it is added to core's allowed run-time dependencies;"
                 " check that it is small and belongs there")
        dep_modules[d["artifactId"]] = users
    for f in main_files:
        if f.module != "core" and f.why.startswith("references"):
            note(f"main class {f.rel} moved to {f.module}: {f.why}")

    # Tests.
    for f in test_files:
        index[(f.package, f.name)] = f
    route(test_files, index, initial_test)
    for f in test_files:
        if f.module != "core":
            print(f"split-modules: test {f.rel} -> {f.module} ({f.why})")

    # --- move sources -----------------------------------------------------------------------------------------
    for f in main_files + test_files:
        move(ROOT / f.path, ROOT / module_path(f.module, f.path))
    for p in bench_files:
        if p.is_file():
            move(p, ROOT / module_path("core", p.relative_to(ROOT)))
    for res in ["src/main/resources", "src/main/resources-filtered"]:
        base = ROOT / res
        if not base.exists():
            continue
        for p in sorted(base.rglob("*")):
            if p.is_file():
                rel = p.relative_to(base).as_posix()
                m = "ledger" if rel.startswith("ledger/") else "core"
                move(p, ROOT / module_path(m, p.relative_to(ROOT)))
    base = ROOT / "src/test/resources"
    if base.exists():
        for p in sorted(base.rglob("*")):
            if p.is_file():
                move(p, ROOT / module_path("core", p.relative_to(ROOT)))
    leftovers = [p for p in (ROOT / "src").rglob("*") if p.is_file()] if (ROOT / "src").exists() else []
    for p in leftovers:
        note(f"unrouted file {p.relative_to(ROOT)} moved to core")
        move(p, ROOT / module_path("core", p.relative_to(ROOT)))
    shutil.rmtree(ROOT / "src", ignore_errors=True)
    # JUnit settings apply in every module.
    junit = ROOT / DIR["core"] / "src/test/resources/junit-platform.properties"
    if junit.exists():
        for m in ["ledger", "cli", "server"]:
            t = ROOT / DIR[m] / "src/test/resources/junit-platform.properties"
            t.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(junit, t)

    # --- poms ----------------------------------------------------------------------------------------------------
    mgmt = []
    for d in deps:
        if not d["version"]:
            continue
        if re.search(r"<artifactId>\s*" + re.escape(d["artifactId"]) + r"\s*</artifactId>", depmgmt_raw):
            continue
        lines = ["      <dependency>", f"        <groupId>{d['groupId']}</groupId>",
                 f"        <artifactId>{d['artifactId']}</artifactId>", f"        <version>{d['version']}</version>"]
        if d.get("type") and d["type"] != "jar":
            lines.append(f"        <type>{d['type']}</type>")
        if d.get("classifier"):
            lines.append(f"        <classifier>{d['classifier']}</classifier>")
        lines.append("      </dependency>")
        mgmt.append("\n".join(lines))
    mgmt_text = "\n".join(mgmt) + ("\n" + depmgmt_raw if depmgmt_raw else "")

    test_deps = "\n".join(dep_xml(d, "test") for d in deps if d["scope"] == "test")
    extra = {m: [] for m in MODULES}
    for d in unknown:
        for m in sorted(dep_modules[d["artifactId"]]):
            extra[m].append(dep_xml(d, d["scope"] if d["scope"] not in (None, "compile") else None))
    # Unknown test-scope libraries: every module gets them (cheap, and tests move between modules).

    def write(template, target, **subst):
        t = (TPL / template).read_text(encoding="utf-8")
        t = t.replace("@VERSION@", version)
        for k, v in subst.items():
            if not v:
                t = t.replace("@" + k + "@\n\n", "")
            t = t.replace("@" + k + "@", v)
        t = re.sub(r"^@[A-Z_]+@\n", "", t, flags=re.M)
        (ROOT / target).parent.mkdir(parents=True, exist_ok=True)
        (ROOT / target).write_text(t, encoding="utf-8")

    # Project metadata the single pom may have gained (release work: url, licences, developers, scm, …) is
    # carried into the parent, which every module inherits it from.
    metadata = []
    for tag in ["url", "inceptionYear", "organization", "licenses", "developers", "scm", "issueManagement",
                "ciManagement", "distributionManagement"]:
        m = re.search(r"\n  <" + tag + r">.*?</" + tag + r">", raw, re.S)
        if m:
            metadata.append(m.group(0).strip("\n"))
            note(f"project {tag} carried into the parent pom")
    write("parent.pom.xml", "pom.xml", PROPERTIES=props_raw, DEPENDENCY_MANAGEMENT=mgmt_text,
          METADATA="\n".join(metadata))
    write("bom.pom.xml", "ftz-outbound-bom/pom.xml")
    write("core.pom.xml", f"{DIR['core']}/pom.xml", EXTRA_DEPENDENCIES="\n".join(extra["core"]),
          TEST_DEPENDENCIES=test_deps, BENCH_PROFILE=profiles_raw)
    write("ledger.pom.xml", f"{DIR['ledger']}/pom.xml", EXTRA_DEPENDENCIES="\n".join(extra["ledger"]),
          TEST_DEPENDENCIES=test_deps)
    write("cli.pom.xml", f"{DIR['cli']}/pom.xml", EXTRA_DEPENDENCIES="\n".join(extra["cli"]),
          TEST_DEPENDENCIES=test_deps)
    write("server.pom.xml", f"{DIR['server']}/pom.xml", EXTRA_DEPENDENCIES="\n".join(extra["server"]),
          TEST_DEPENDENCIES=test_deps, SERVER_BUILD="")
    if not (ROOT / DIR["server"] / "src/main/java").exists():
        note("no server sources yet: ftz-outbound-server is an empty module")
        readme = ROOT / DIR["server"] / "README.md"
        readme.write_text("# ftz-outbound-server\n\nThe HTTP decision service of issue 15 lands here "
                          "(`io.github.ftzoutbound.server`). Until then the module builds an empty jar.\n",
                          encoding="utf-8")

    # Core's run-time dependency check (CoreDependenciesTest) and its allow-list.
    allowed = (TPL / "allowed-runtime-dependencies.txt").read_text(encoding="utf-8")
    for d in unknown:
        if "core" in dep_modules[d["artifactId"]]:
            allowed += f"# added by scripts/split-modules.sh: core imports it\n{d['groupId']}:{d['artifactId']}\n"
    t = ROOT / DIR["core"] / "src/test/resources/allowed-runtime-dependencies.txt"
    t.parent.mkdir(parents=True, exist_ok=True)
    t.write_text(allowed, encoding="utf-8")
    t = ROOT / DIR["core"] / "src/test/java" / BASE / "CoreDependenciesTest.java"
    shutil.copy(TPL / "CoreDependenciesTest.java", t)

    rewrite_paths(main_files, test_files)
    if notes:
        print("\nsplit-modules: notes\n  " + "\n  ".join(notes))


# ---------------------------------------------------------------------------------------------------------------
# Paths in tests, docs and scripts

def new_path(p, moved):
    """The new location of a path of the single-module tree (a file, or a directory prefix)."""
    if p in moved:
        return moved[p]
    for rel, mod in [("src/main/resources/ledger", "ledger"),
                     ("src/main/java/" + BASE + "/cli", "cli"), ("src/test/java/" + BASE + "/cli", "cli"),
                     ("src/main/java/" + BASE + "/transcription", "cli"),
                     ("src/main/java/" + BASE + "/server", "server"), ("src/test/java/" + BASE + "/server", "server"),
                     ("src/main/java/" + BASE + "/ledger/JdbcExportLedger", "ledger"),
                     ("src/main/java/" + BASE + "/audit/HtmlReport", "cli")]:
        if p.startswith(rel):
            return DIR[mod] + "/" + p
    return DIR["core"] + "/" + p


def rewrite_paths(main_files, test_files):
    moved = {f.path.as_posix(): module_path(f.module, f.path).as_posix() for f in main_files + test_files}
    # Tests run in their module's directory: paths of the old root now go one level up.
    for f in test_files:
        p = ROOT / module_path(f.module, f.path)
        s = p.read_text(encoding="utf-8")
        s2 = re.sub(r'"(src/(?:main|test)/resources[^"]*)"', lambda m: '"../' + new_path(m.group(1), moved) + '"', s)
        s2 = re.sub(r'"((?:docs|scripts)(?:/[^"]*)?)"', r'"../\1"', s2)
        if s2 != s:
            p.write_text(s2, encoding="utf-8")
    targets = [ROOT / "README.md", ROOT / ".ci/run"] + sorted((ROOT / "docs").rglob("*.md")) + \
        [p for p in sorted((ROOT / "scripts").glob("*")) if p.is_file() and p.name != "split-modules.sh"]
    for p in targets:
        if not p.exists():
            continue
        s = p.read_text(encoding="utf-8")
        s2 = re.sub(r"(?<![\w./-])target/ftz-outbound-cli\.jar", DIR["cli"] + "/target/ftz-outbound-cli.jar", s)
        s2 = re.sub(r"(?<![\w./-])target/(rule-coverage\.json|jmh\.json|runtime-dependencies\.txt)",
                    DIR["core"] + r"/target/\1", s2)
        s2 = re.sub(r"(?<![\w./-])((?:\.\./)*)(src/(?:main|test|bench)(?:/[\w.@*-]+)*/?)",
                    lambda m: m.group(1) + new_path(m.group(2), moved), s2)
        s2 = s2.replace("-Pbench test-compile exec:exec", "-Pbench -pl ftz-outbound-core test-compile exec:exec")
        if s2 != s:
            p.write_text(s2, encoding="utf-8")


if __name__ == "__main__":
    main()
