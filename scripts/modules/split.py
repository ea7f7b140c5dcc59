#!/usr/bin/env python3
"""Splits the single-module ftz-outbound tree into Maven modules (run through scripts/split-modules.sh).

The modules depend on each other in one line: core <- ledger <- server <- cli (the command line's `serve` starts
the server, so the runnable jar holds all four).

Routing, so that it keeps working while main moves:
  * main Java: by package (cli, transcription, report -> cli; server -> server; the JDBC ledger classes -> ledger;
    audit/HtmlReport -> cli; everything else -> core), then raised to the module of any library it imports
    (picocli/POI/FastCSV/Commons CSV/progress bar -> cli, HikariCP/Flyway -> ledger, Javalin/Micrometer -> server)
    and of any project class it references, until nothing changes. A core class raised this way is reported:
    it means core would need something it must not have.
  * test Java: the same, starting from core, so a test lands in the lowest module that has all it uses;
    shared helpers stay where they are and reach the modules above through test-jars.
  * resources: ledger/** -> ledger, io/github/ftzoutbound/<package>/** -> that package's module, the rest of main
    -> core; test resources: META-INF/services files -> the module of the classes they name, package folders ->
    that package's module, junit-platform.properties -> every module, the rest (scenario suites) -> core.
  * dependencies of the single pom: known ones by name; unknown ones to the modules whose main code imports one
    of their packages (read from the jar in ~/.m2), else to cli; each unknown one is reported.
  * build plugins of the single pom: kie-maven-plugin -> core, maven-shade-plugin -> cli (from the template), every
    other one verbatim into the parent, which every module inherits (release config: reproducible builds, clean,
    sources and javadoc jars, Automatic-Module-Name, set per module through ftz.automatic.module.name).
  * profiles of the single pom: release and gpg-* -> parent and BOM, durability -> parent (made reactor-safe),
    bench and mutation -> core.

It fails, before moving anything, when a file under src/ has no route, when the single pom has a profile it does
not know, or when a rewrite it relies on no longer matches; and after moving, when anything is left under src/.
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
RANK = {"core": 0, "ledger": 1, "server": 2, "cli": 3}
notes = []


def note(msg):
    notes.append(msg)
    print("split-modules: " + msg)


def join(a, b):
    return a if RANK[a] >= RANK[b] else b


def fail(msg):
    print("split-modules: ERROR: " + msg, file=sys.stderr)
    sys.exit(1)


# ---------------------------------------------------------------------------------------------------------------
# Routing of Java sources

PACKAGE_MODULE = {"cli": "cli", "transcription": "cli", "report": "cli", "server": "server"}
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
    # One entry per groupId:artifactId; a library declared twice (main once had json-schema-validator at two
    # versions) keeps its last declaration, as Maven does.
    seen = {}
    for d in deps:
        seen[(d["groupId"], d["artifactId"])] = d
    if len(seen) != len(deps):
        note("the single pom declares a dependency twice; the last declaration is kept")
    deps = list(seen.values())
    m = re.search(r"<properties>(.*?)</properties>", raw, re.S)
    props_raw = m.group(1).strip("\n") if m else ""
    m = re.search(r"<dependencyManagement>\s*<dependencies>(.*?)</dependencies>\s*</dependencyManagement>", raw, re.S)
    depmgmt_raw = m.group(1).strip("\n") if m else ""
    m = re.search(r"\n  <profiles>(.*?)\n  </profiles>", raw, re.S)
    profiles = split_blocks(m.group(1), "profile", lambda b: re.search(r"<id>([^<]+)</id>", b).group(1)) if m else []
    m = re.search(r"\n  <build>.*?\n    <plugins>(.*?)\n    </plugins>", raw, re.S)
    plugins = split_blocks(m.group(1), "plugin",
                           lambda b: re.search(r"<artifactId>([^<]+)</artifactId>", b).group(1)) if m else []
    m = re.search(r"\n  <build>.*?\n    <resources>(.*?)\n    </resources>", raw, re.S)
    resources_raw = m.group(1) if m else ""
    return raw, version, props, props_raw, deps, depmgmt_raw, profiles, plugins, resources_raw


def split_blocks(body, tag, name_of):
    """The top-level <tag> blocks of body, each with the comments just before it: [(name, text)]."""
    out = []
    pos = 0
    for m in re.finditer(r"((?:[ \t]*<!--.*?-->\s*)*)[ \t]*<" + tag + r">", body, re.S):
        if m.start() < pos:
            continue
        depth, k = 0, m.end() - len(tag) - 2
        for t in re.finditer(r"<(/?)" + tag + r">", body[k:]):
            depth += -1 if t.group(1) else 1
            if depth == 0:
                end = k + t.end()
                break
        else:
            fail(f"unbalanced <{tag}> in the single pom")
        block = body[m.start():end]
        inner = body[m.end() - len(tag) - 2:end]
        out.append((name_of(inner), block.strip("\n")))
        pos = end
    return out


KNOWN = {
    "core": {"kie-api", "drools-core", "drools-compiler", "drools-commands", "drools-model-compiler",
             "drools-xml-support", "drools-mvel", "drools-ecj", "jackson-databind", "jackson-dataformat-yaml",
             "jackson-datatype-jsr310", "jackson-core", "jackson-annotations", "snakeyaml", "slf4j-api"},
    "ledger": {"HikariCP", "flyway-core", "flyway-database-postgresql", "h2", "postgresql"},
    "cli": {"picocli", "slf4j-simple"},
}
# Plugins of the single pom that go to one module (the rest go to the parent, verbatim).
MODULE_PLUGINS = {"kie-maven-plugin": "core", "maven-shade-plugin": "cli", "jte-maven-plugin": "cli"}
# Profiles of the single pom, by id.
PROFILE_MODULE = {"release": "parent", "durability": "parent", "bench": "core", "mutation": "core"}
AUTOMATIC_MODULE_NAME = {"core": "io.github.ftzoutbound", "ledger": "io.github.ftzoutbound.ledger",
                         "cli": "io.github.ftzoutbound.cli", "server": "io.github.ftzoutbound.server"}


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


def resource_module(kind, rel, test_modules_by_class):
    """The module of a resource file (rel: path under its resources folder), or None if there is no rule for it."""
    parts = rel.split("/")
    if rel.startswith("io/github/ftzoutbound/"):
        return PACKAGE_MODULE.get(parts[3], "core") if len(parts) > 4 else "core"
    if kind == "main":
        return "ledger" if parts[0] == "ledger" else "core"
    if rel.startswith("META-INF/services/"):
        return None  # decided from the classes it names, by the caller
    return "core"


def plan_sources(main_files, test_files):
    """Every file under src/ with its destination, or a loud failure for a file without a route."""
    plan = []
    by_class = {f"{f.package}.{f.name}": f.module for f in main_files + test_files}
    for f in main_files + test_files:
        plan.append((f.path, module_path(f.module, f.path)))
    routed = {f.path.as_posix() for f in main_files + test_files}
    unrouted = []
    for p in sorted((ROOT / "src").rglob("*")):
        if not p.is_file():
            continue
        rel = p.relative_to(ROOT)
        posix = rel.as_posix()
        if posix in routed:
            continue
        parts = rel.parts
        if parts[1] == "bench":
            plan.append((rel, module_path("core", rel)))
        elif parts[1] == "main" and parts[2] == "jte":
            # Report templates (jte): the report package and its template plugin live in the CLI module.
            plan.append((rel, module_path("cli", rel)))
        elif parts[1] in ("main", "test") and parts[2] in ("resources", "resources-filtered"):
            inner = "/".join(parts[3:])
            kind = parts[1]
            if kind == "test" and inner == "junit-platform.properties":
                for m in MODULES:
                    plan.append((rel, module_path(m, rel)))
                continue
            m = resource_module(kind, inner, by_class)
            if m is None:  # META-INF/services: the module of the classes it names
                names = [l.strip() for l in p.read_text(encoding="utf-8").splitlines()
                         if l.strip() and not l.startswith("#")]
                mods = [by_class.get(n) for n in names]
                if not names or None in mods:
                    unrouted.append(posix + " (names a class this script does not know: " + ", ".join(names) + ")")
                    continue
                m = mods[0]
                for x in mods[1:]:
                    m = join(m, x)
            plan.append((rel, module_path(m, rel)))
        else:
            unrouted.append(posix)
    if unrouted:
        fail("no route for these files under src/; add a rule to scripts/modules/split.py:\n  "
             + "\n  ".join(unrouted))
    return plan


def main():
    raw, version, props, props_raw, deps, depmgmt_raw, profiles, plugins, resources_raw = read_pom()
    for name, _ in profiles:
        if name not in PROFILE_MODULE and not name.startswith("gpg-"):
            fail(f"the single pom has a profile '{name}' this script does not know: say where it goes in "
                 "PROFILE_MODULE (scripts/modules/split.py)")

    main_files = java_files("main")
    test_files = java_files("test")

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
            # The lowest module that imports it is enough: the modules above depend on it.
            users = {min(users, key=lambda m: RANK[m])}
            note(f"dependency {d['groupId']}:{d['artifactId']} given to {', '.join(sorted(users))} (imported there)")
        if "core" in users:
            note(f"CORE GAINS {d['groupId']}:{d['artifactId']}: it is added to core's allowed run-time dependencies;"
                 " check that it is small and belongs there")
        dep_modules[d["artifactId"]] = users
    for f in main_files:
        if f.module != "core" and f.why.startswith("references"):
            note(f"main class {f.rel} moved to {f.module}: {f.why}")
        top = f.rel.split("/")[0]
        if f.module != "core" and PACKAGE_MODULE.get(top, "core") == "core" and f.rel not in FILE_MODULE:
            note(f"CORE LOSES {f.rel} to {f.module} ({f.why}): check that it belongs there")

    # Tests.
    for f in test_files:
        index[(f.package, f.name)] = f
    route(test_files, index, initial_test)
    for f in test_files:
        if f.module != "core":
            print(f"split-modules: test {f.rel} -> {f.module} ({f.why})")

    # --- move sources: planned first, so that a file without a route stops the script before anything moves ---
    plan = plan_sources(main_files, test_files)
    copies = {}
    for src, dst in plan:
        copies.setdefault(src, []).append(dst)
    for src, dsts in copies.items():
        for dst in dsts[1:]:
            (ROOT / dst).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / src, ROOT / dst)
        move(ROOT / src, ROOT / dsts[0])
    left = [p.relative_to(ROOT).as_posix() for p in (ROOT / "src").rglob("*") if p.is_file()]
    if left:
        fail("files left under src/ after the split:\n  " + "\n  ".join(left))
    shutil.rmtree(ROOT / "src")

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

    # Test libraries: every module gets them (cheap, and tests move between modules).
    test_deps = "\n".join(dep_xml(d, "test") for d in deps if d["scope"] == "test")
    extra = {m: [] for m in MODULES}
    for d in unknown:
        for m in sorted(dep_modules[d["artifactId"]]):
            extra[m].append(dep_xml(d, d["scope"] if d["scope"] not in (None, "compile") else None))

    # Plugins: module-specific ones from their module, the rest verbatim into the parent.
    parent_plugins, core_plugins, cli_plugins = [], [], []
    for name, block in plugins:
        where = MODULE_PLUGINS.get(name, "parent")
        if where == "core":
            core_plugins.append(block)
        elif where == "cli" and name != "maven-shade-plugin":
            cli_plugins.append(block)  # the shade plugin comes from the cli template
        elif where == "parent":
            if name == "maven-jar-plugin":
                if "<Automatic-Module-Name>io.github.ftzoutbound</Automatic-Module-Name>" not in block:
                    fail("the single pom's maven-jar-plugin no longer sets Automatic-Module-Name "
                         "io.github.ftzoutbound: update the rewrite in split.py")
                block = block.replace("<Automatic-Module-Name>io.github.ftzoutbound</Automatic-Module-Name>",
                                      "<Automatic-Module-Name>${ftz.automatic.module.name}</Automatic-Module-Name>")
                if "<executions>" in block:
                    fail("the single pom's maven-jar-plugin has executions now: merge them with the test-jar one")
                block = re.sub(r"\n(\s*)</plugin>\s*$", lambda m: """
        <executions>
          <execution>
            <!-- Every module publishes its test classes too (the parent pom says why). -->
            <id>test-jar</id>
            <goals><goal>test-jar</goal></goals>
            <configuration>
              <skipIfEmpty>true</skipIfEmpty>
            </configuration>
          </execution>
        </executions>
""" + m.group(1) + "</plugin>", block)
                block = block.replace("A stable module name for users on the module path; the jar has no module-info.",
                                      "A stable module name for users on the module path, one per module (property "
                                      "ftz.automatic.module.name); the jars have no module-info.")
            parent_plugins.append(block)
    for name in MODULE_PLUGINS:
        if name not in [n for n, _ in plugins]:
            note(f"the single pom no longer configures {name}; the module template still does")

    # Profiles.
    parent_profiles, core_profiles = [], []
    for name, block in profiles:
        where = "parent" if name.startswith("gpg-") else PROFILE_MODULE[name]
        if name == "durability":
            # From the root, every module runs the surefire configuration: only the ledger has the test.
            if "<test>LedgerDurabilityTest</test>" not in block:
                fail("the durability profile no longer names <test>LedgerDurabilityTest</test>: update split.py")
            block = block.replace("<test>LedgerDurabilityTest</test>",
                                  "<test>LedgerDurabilityTest</test>\n"
                                  "              <!-- Only ftz-outbound-ledger has it; the other modules run nothing. -->\n"
                                  "              <failIfNoSpecifiedTests>false</failIfNoSpecifiedTests>")
        if name == "bench" and "test-compile exec:exec" in block:
            block = block.replace("-Pbench test-compile exec:exec", "-Pbench -pl ftz-outbound-core test-compile exec:exec")
        (parent_profiles if where == "parent" else core_profiles).append(block)
    release_profiles = [b for n, b in profiles if n == "release" or n.startswith("gpg-")]

    # The licence travels with every jar (META-INF/LICENSE), from the root of the tree.
    if "<include>LICENSE</include>" not in resources_raw:
        note("the single pom no longer puts LICENSE into the jar; the module poms still do")

    def write(template, target, module=None, **subst):
        t = (TPL / template).read_text(encoding="utf-8")
        t = t.replace("@VERSION@", version)
        if module:
            t = t.replace("@AUTOMATIC_MODULE_NAME@", AUTOMATIC_MODULE_NAME[module])
        for k, v in subst.items():
            t = t.replace("@" + k + "@", v)
        t = re.sub(r"^@[A-Z_]+@\n", "", t, flags=re.M)
        (ROOT / target).parent.mkdir(parents=True, exist_ok=True)
        (ROOT / target).write_text(t, encoding="utf-8")

    # Project metadata the single pom may have gained (release work: url, licences, developers, scm, …) is
    # carried into the parent, which every module inherits it from, and into the BOM, which is published too.
    metadata = []
    for tag in ["url", "inceptionYear", "organization", "licenses", "developers", "scm", "issueManagement",
                "ciManagement", "distributionManagement"]:
        m = re.search(r"\n  <" + tag + r">.*?</" + tag + r">", raw, re.S)
        if m:
            metadata.append(m.group(0).strip("\n"))
    indent = lambda blocks, n: "\n".join(("  " * n + l if l.strip() else l) for b in blocks for l in b.splitlines())
    write("parent.pom.xml", "pom.xml", PROPERTIES=props_raw, DEPENDENCY_MANAGEMENT=mgmt_text,
          METADATA="\n".join(metadata), PLUGINS="\n".join(parent_plugins), PROFILES="\n".join(parent_profiles))
    write("bom.pom.xml", "ftz-outbound-bom/pom.xml", METADATA="\n".join(metadata),
          PROPERTIES=props_raw, PROFILES="\n".join(release_profiles))
    write("core.pom.xml", f"{DIR['core']}/pom.xml", "core", EXTRA_DEPENDENCIES="\n".join(extra["core"]),
          TEST_DEPENDENCIES=test_deps, PLUGINS="\n".join(core_plugins), PROFILES="\n".join(core_profiles))
    write("ledger.pom.xml", f"{DIR['ledger']}/pom.xml", "ledger", EXTRA_DEPENDENCIES="\n".join(extra["ledger"]),
          TEST_DEPENDENCIES=test_deps)
    write("cli.pom.xml", f"{DIR['cli']}/pom.xml", "cli", EXTRA_DEPENDENCIES="\n".join(extra["cli"]),
          TEST_DEPENDENCIES=test_deps, PLUGINS="\n".join(cli_plugins))
    write("server.pom.xml", f"{DIR['server']}/pom.xml", "server", EXTRA_DEPENDENCIES="\n".join(extra["server"]),
          TEST_DEPENDENCIES=test_deps)
    if not (ROOT / DIR["server"] / "src/main/java").exists():
        fail("no server sources (package io.github.ftzoutbound.server): the cli module depends on the server")

    # Core's run-time dependency check (CoreDependenciesTest) and its allow-list.
    allowed = (TPL / "allowed-runtime-dependencies.txt").read_text(encoding="utf-8")
    for d in unknown:
        if "core" in dep_modules[d["artifactId"]] and f"{d['groupId']}:{d['artifactId']}" not in allowed:
            allowed += f"# added by scripts/split-modules.sh: core imports it\n{d['groupId']}:{d['artifactId']}\n"
    t = ROOT / DIR["core"] / "src/test/resources/allowed-runtime-dependencies.txt"
    t.parent.mkdir(parents=True, exist_ok=True)
    t.write_text(allowed, encoding="utf-8")
    t = ROOT / DIR["core"] / "src/test/java" / BASE / "CoreDependenciesTest.java"
    shutil.copy(TPL / "CoreDependenciesTest.java", t)

    rewrite_paths(plan)
    if notes:
        print("\nsplit-modules: notes\n  " + "\n  ".join(notes))


# ---------------------------------------------------------------------------------------------------------------
# Paths in tests, docs and scripts

def new_path(p, moved):
    """The new location of a path of the single-module tree (a file, or a directory prefix)."""
    p = p.rstrip("/") if p.endswith("/") and p.rstrip("/") in moved else p
    if p in moved:
        return moved[p]
    # A directory: the module that received the files under it, if they all went to one.
    prefix = p.rstrip("/") + "/"
    targets = {v.split("/")[0] for k, v in moved.items() if k.startswith(prefix)}
    if len(targets) == 1:
        return targets.pop() + "/" + p
    return DIR["core"] + "/" + p


def rewrite_paths(plan):
    moved = {}
    for src, dst in plan:
        moved.setdefault(src.as_posix(), dst.as_posix())
    # Tests run in their module's directory: paths of the old root now go one level up.
    for src, dst in plan:
        if not (src.as_posix().startswith("src/test/java/") and src.suffix == ".java"):
            continue
        p = ROOT / dst
        s = p.read_text(encoding="utf-8")
        # Not an argument of resolve(...): that is a path inside some other folder (a test's temporary one).
        s2 = re.sub(r'(?<!resolve\()"(src/(?:main|test)/(?:resources|java)[^"]*)"',
                    lambda m: '"../' + new_path(m.group(1), moved) + '"', s)
        s2 = re.sub(r'(?<!resolve\()"((?:docs|scripts)(?:/[^"]*)?|README\.md|CHANGELOG\.md|LICENSE)"', r'"../\1"', s2)
        if s2 != s:
            p.write_text(s2, encoding="utf-8")
    targets = [ROOT / "README.md", ROOT / ".ci/run"] + sorted((ROOT / "docs").rglob("*.md")) + \
        [p for p in sorted((ROOT / "scripts").glob("*")) if p.is_file() and p.name != "split-modules.sh"]
    for p in targets:
        if not p.exists():
            continue
        s = p.read_text(encoding="utf-8")
        # The runnable jar stays at target/ftz-outbound-cli.jar (the cli module writes it there); what the core
        # module's tests and benchmarks write is in its own target/.
        s2 = re.sub(r"(?<![\w./-])target/(rule-coverage\.json|jmh\.json|runtime-dependencies\.txt)",
                    DIR["core"] + r"/target/\1", s)
        s2 = re.sub(r"(?<![\w./-])((?:\.\./)*)(src/(?:main|test|bench)(?:/[\w.@*-]+)*/?)",
                    lambda m: m.group(1) + new_path(m.group(2), moved), s2)
        s2 = s2.replace("-Pbench test-compile exec:exec", "-Pbench -pl ftz-outbound-core test-compile exec:exec")
        if s2 != s:
            p.write_text(s2, encoding="utf-8")


if __name__ == "__main__":
    main()
