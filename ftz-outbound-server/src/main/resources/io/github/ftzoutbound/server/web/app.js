// The decision page. Everything the service returns is put into the page as text (textContent, createElement):
// never as HTML, so a request or a rule text can never inject markup or script.
"use strict";

const $ = (id) => document.getElementById(id);

const PATHWAYS = {
  EXEMPT: { en: "Exempt", zh: "免予申报" },
  STANDARD_CONTRACT_OR_CERTIFICATION: { en: "Standard contract or certification", zh: "订立标准合同或通过认证" },
  SECURITY_ASSESSMENT: { en: "Security assessment", zh: "申报数据出境安全评估" },
  STRICTER_REGIME: { en: "Stricter regime", zh: "适用更严格制度" },
};

const WORDS = {
  en: { decided: "Decided", pathway: "Pathway", regime: "Regime", items: "Items", item: "Item", reason: "reason",
        row: "row", citations: "Clauses cited", notChosen: "Why not stricter", warnings: "Warnings",
        obligations: "Obligations", trace: "Trace (every rule that fired)", rule: "Rule", source: "Source",
        explanation: "Explanation", invalid: "Invalid request: nothing decided", error: "Error",
        changes: "What changes under the candidate", none: "Nothing changes.", serving: "Serving rules",
        candidate: "Candidate rules", deciding: "Deciding…",
        chooseZip: "Choose a zip first.", candidateLoaded: "Candidate loaded", ruleset: "Rule set",
        notLoaded: "Rules not loaded" },
  zh: { decided: "已判定", pathway: "路径", regime: "适用制度", items: "数据项", item: "数据项", reason: "理由",
        row: "行", citations: "引用条款", notChosen: "为何不适用更严格路径", warnings: "提示",
        obligations: "义务", trace: "规则轨迹（所有触发的规则）", rule: "规则", source: "来源",
        explanation: "说明", invalid: "请求无效：未作判定", error: "错误",
        changes: "候选规则下的变化", none: "无变化。", serving: "现行规则", candidate: "候选规则",
        deciding: "判定中…", chooseZip: "请先选择 zip 文件。", candidateLoaded: "候选规则集已加载",
        ruleset: "规则集", notLoaded: "规则未加载" },
};

// The page's own labels (data-i18n in index.html), in both languages. The English is also in index.html, for a
// browser without script; the page test checks that every key there has both texts here.
const LABELS = {
  en: { title: "ftz-outbound — data-export decisions",
        sub: "Data-export decisions under the Jiangsu / Zhejiang FTZ negative lists and national rules, with the clauses cited.",
        request: "Request", example: "Example", "ex.jiangsu": "Jiangsu, cumulative standard contract",
        "ex.zhejiang": "Zhejiang, on list, security assessment", "ex.national": "National, core data, stricter regime",
        "ex.invalid": "Invalid request (problems by JSON path)", load: "Load",
        "hint.request": "Paste a request (the contract's JSON) or edit the example. Nothing is stored by this page. "
          + "Decisions here do not reserve in the annual ledger unless the request names",
        "hint.requestEnd": ".", requestJson: "Request JSON", decide: "Decide", admin: "Candidate rules (admin)",
        "hint.admin1": "Upload a zip with", "hint.admin2": "and/or",
        "hint.admin3": ", then decide the request above under both the serving and the candidate rules. Needs the admin "
          + "token (FTZ_ADMIN_TOKEN). The candidate never serves decisions.",
        token: "Admin token", zip: "Zip", bundled: "keep bundled lists", upload: "Upload candidate",
        tryCandidate: "Decide under candidate", decision: "Decision", noDecision: "No decision yet.",
        ready: "ready", metrics: "metrics" },
  zh: { title: "ftz-outbound — 数据出境判定",
        sub: "依据江苏、浙江自贸试验区数据出境负面清单及国家规定判定数据出境路径，并引用条款。",
        request: "请求", example: "示例", "ex.jiangsu": "江苏：累计达到标准合同区间",
        "ex.zhejiang": "浙江：列入负面清单，申报安全评估", "ex.national": "国家规定：核心数据，适用更严格制度",
        "ex.invalid": "无效请求（按 JSON 路径列出问题）", load: "载入",
        "hint.request": "粘贴请求（接口约定的 JSON）或修改示例。本页面不保存任何内容。除非请求填写了",
        "hint.requestEnd": "，在此作出的判定不会在年度台账中预留数量。", requestJson: "请求 JSON", decide: "判定",
        admin: "候选规则（管理员）", "hint.admin1": "上传包含", "hint.admin2": "和/或",
        "hint.admin3": " 的 zip 文件，然后按现行规则和候选规则分别判定上面的请求。需要管理员令牌（FTZ_ADMIN_TOKEN）。"
          + "候选规则从不用于正式判定。",
        token: "管理员令牌", zip: "zip 文件", bundled: "保留内置负面清单", upload: "上传候选规则",
        tryCandidate: "按候选规则判定", decision: "判定结果", noDecision: "尚未判定。",
        ready: "就绪状态", metrics: "运行指标" },
};

function lang() { return $("lang").value === "zh" ? "zh" : "en"; }

// The first language: ?lang=zh or ?lang=en in the address, else the browser's preferred language (what it sends
// as Accept-Language), Chinese for any zh-*.
function initialLang() {
  const asked = new URLSearchParams(window.location.search).get("lang");
  if (asked === "zh" || asked === "en") return asked;
  const preferred = (navigator.languages && navigator.languages[0]) || navigator.language || "en";
  return preferred.toLowerCase().startsWith("zh") ? "zh" : "en";
}

// Writes every label in the page's language (textContent only: the labels are ours, but no HTML either way).
function applyLabels() {
  const l = lang();
  const words = LABELS[l];
  document.documentElement.lang = l === "zh" ? "zh-CN" : "en";
  document.title = words.title;
  for (const e of document.querySelectorAll("[data-i18n]")) {
    e.textContent = words[e.getAttribute("data-i18n")];
  }
  for (const e of document.querySelectorAll("[data-i18n-aria]")) {
    e.setAttribute("aria-label", words[e.getAttribute("data-i18n-aria")]);
  }
  $("ready-link").href = "/health/ready?lang=" + l;
}
function w(key) { return WORDS[lang()][key]; }

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function pathwayBadge(p) {
  const names = PATHWAYS[p] || { en: p, zh: p };
  return el("span", { class: "pathway p-" + p, "data-pathway": p }, names[lang()] + " (" + p + ")");
}

// Record format 3 cites clauses by id (the record's clauses table), notChosen conditions by their place in its
// conditions table and the trace's rules by their place in its rules table; older records stated them in place.
function clauseOf(d, c) {
  return typeof c === "string" ? ((d.clauses || {})[c] || { instrument: c }) : c;
}
function conditionOf(d, c) {
  return typeof c === "number" ? ((d.conditions || [])[c] || { condition: "?" }) : c;
}
function traceRow(d, t) {
  const r = typeof t.rule === "number" ? ((d.rules || [])[t.rule] || {}) : { name: t.rule, source: t.source };
  return { name: r.name, source: r.source };
}

function citationBlock(c) {
  const where = [c.instrument, c.article && "art. " + c.article, c.paragraph && "para. " + c.paragraph,
    c.item && "item " + c.item, c.subItem && "sub-item " + c.subItem, c.rule && "rule " + c.rule,
    c.listId, c.entryId].filter(Boolean).join(" ");
  return el("div", { class: "citation" },
    el("div", { class: "label" }, c.label || where),
    el("div", { class: "where hint" }, where),
    c.text ? el("div", { class: "text", lang: "zh" }, c.text) : null);
}

function setStatus(text, isError) {
  const s = $("status");
  // From now on the line says what happened, no longer the label "No decision yet" that applyLabels rewrites.
  s.removeAttribute("data-i18n");
  s.textContent = text;
  s.className = "status" + (isError ? " error" : "");
}

function renderProblems(body) {
  const box = el("div", { class: "problems" });
  // The service words its errors in Chinese too (messageZh) when the page asks with ?lang=zh.
  box.append(el("p", {}, message(body, lang())));
  const ul = el("ul", {});
  for (const p of body.problems || []) {
    ul.append(el("li", {}, el("code", {}, p.path), " ", message(p, lang())));
  }
  box.append(ul);
  if (body.correlationId) box.append(el("p", { class: "hint" }, "correlation id: " + body.correlationId));
  return box;
}

// An obligation's or warning's text in the page's language (messageZh is absent in records older than 0.2.0).
function message(m, l) {
  return (l === "zh" && m.messageZh) ? m.messageZh : (m.message || "");
}

function renderDecision(d, target) {
  const l = lang();
  target.append(el("p", { id: "headline" }, w("pathway") + ": ", pathwayBadge(d.pathway), "  ",
    w("regime") + ": " + d.regime));
  target.append(el("p", { class: "hint" }, "requestId " + d.requestId + " · decisionId " + d.decisionId +
    " · " + d.evaluationDate + " · ruleset " + (d.ruleset ? d.ruleset.version + " " + d.ruleset.digest : "")));

  if ((d.warnings || []).length) {
    target.append(el("h3", {}, w("warnings")));
    for (const wn of d.warnings) {
      target.append(el("div", { class: "warning" }, el("strong", {}, wn.code), " ",
        (wn.itemIds || []).join(", "), el("div", { class: "message" }, message(wn, l))));
    }
  }
  if ((d.obligations || []).length) {
    target.append(el("h3", {}, w("obligations")));
    for (const o of d.obligations) {
      target.append(el("div", { class: "warning" }, el("strong", {}, o.code), " ", (o.itemIds || []).join(", "),
        el("div", { class: "message" }, message(o, l))));
    }
  }

  target.append(el("h3", {}, w("items")));
  for (const it of d.items || []) {
    const box = el("div", { class: "item", "data-item": it.itemId });
    box.append(el("p", {}, el("strong", {}, w("item") + " " + it.itemId), " ", pathwayBadge(it.pathway),
      " " + w("reason") + " " + it.reason + ", " + w("row") + " " + it.row));
    const expl = l === "zh" ? it.explanationZh : it.explanation;
    if (expl) box.append(el("p", { class: "explanation" }, expl));
    box.append(el("h3", {}, w("citations")));
    for (const c of it.citations || []) box.append(citationBlock(clauseOf(d, c)));
    if ((it.notChosen || []).length) {
      box.append(el("h3", {}, w("notChosen")));
      for (const nc of it.notChosen) {
        const ncBox = el("div", { class: "not-chosen" }, el("p", {}, pathwayBadge(nc.pathway)));
        const ul = el("ul", {});
        for (const ref of nc.conditions || []) {
          const cond = conditionOf(d, ref);
          const li = el("li", {}, (l === "zh" && cond.conditionZh) ? cond.conditionZh : cond.condition);
          for (const c of cond.citations || []) li.append(citationBlock(clauseOf(d, c)));
          ul.append(li);
        }
        ncBox.append(ul);
        box.append(ncBox);
      }
    }
    target.append(box);
  }

  if ((d.trace || []).length) {
    const details = el("details", { id: "trace" }, el("summary", {}, w("trace") + " (" + d.trace.length + ")"));
    const table = el("table", { class: "trace" }, el("tr", {}, el("th", {}, w("rule")), el("th", {}, w("source")),
      el("th", {}, w("items"))));
    for (const t of d.trace) {
      const rule = traceRow(d, t);
      table.append(el("tr", {}, el("td", {}, rule.name), el("td", {}, rule.source), el("td", {}, (t.itemIds || []).join(", "))));
    }
    details.append(table);
    target.append(details);
  }
}

async function explain(decision, target) {
  const r = await fetch("/v1/explain?lang=" + lang(), {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(decision) });
  if (r.ok) {
    target.append(el("h3", {}, w("explanation")), el("pre", { id: "explanation" }, await r.text()));
  }
}

let lastDecision = null;

async function decide() {
  const result = $("result");
  result.replaceChildren();
  setStatus(w("deciding"), false);
  let r;
  try {
    r = await fetch("/v1/decisions?detail=full&lang=" + lang(), {
      method: "POST", headers: { "Content-Type": "application/json" }, body: $("request").value });
  } catch (e) {
    setStatus(w("error") + ": " + e, true);
    return;
  }
  const body = await r.json().catch(() => ({ message: "HTTP " + r.status }));
  if (!r.ok) {
    setStatus((r.status === 400 ? w("invalid") : w("error") + " " + r.status + " " + (body.error || "")), true);
    result.append(renderProblems(body));
    return;
  }
  lastDecision = body;
  setStatus(w("decided"), false);
  renderDecision(body, result);
  await explain(body, result);
}

function adminHeaders(extra) {
  return Object.assign({ Authorization: "Bearer " + $("token").value }, extra || {});
}

async function upload() {
  const file = $("zip").files[0];
  const status = $("admin-status");
  if (!file) { status.textContent = w("chooseZip"); return; }
  const r = await fetch("/v1/admin/candidate?lang=" + lang() + "&bundledLists=" + $("bundled").checked, {
    method: "POST", headers: adminHeaders({ "Content-Type": "application/zip" }), body: file });
  const body = await r.json().catch(() => ({}));
  if (r.ok) {
    status.textContent = w("candidateLoaded") + ": " + body.candidate.version + " " + body.candidate.digest;
  } else {
    status.textContent = "HTTP " + r.status + " " + (body.error || "") + ": " + message(body, lang()) +
      (body.problems ? " — " + body.problems.map((p) => message(p, lang())).join("; ") : "");
  }
}

async function tryCandidate() {
  const result = $("result");
  result.replaceChildren();
  const r = await fetch("/v1/admin/candidate/decisions?lang=" + lang(), {
    method: "POST", headers: adminHeaders({ "Content-Type": "application/json" }), body: $("request").value });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) {
    setStatus(w("error") + " " + r.status + " " + (body.error || ""), true);
    result.append(renderProblems(body));
    return;
  }
  setStatus(w("decided"), false);
  result.append(el("h3", {}, w("changes")));
  const changes = Object.entries(body.changes || {});
  if (!changes.length) result.append(el("p", { id: "changes" }, w("none")));
  else result.append(el("pre", { id: "changes" }, JSON.stringify(body.changes, null, 2)));
  const grid = el("div", { class: "compare" });
  const a = el("div", {}, el("h2", {}, w("serving")));
  const b = el("div", {}, el("h2", {}, w("candidate")));
  renderDecision(body.serving, a);
  renderDecision(body.candidate, b);
  grid.append(b, a);
  result.append(grid);
}

async function loadExample() {
  const r = await fetch("/examples/" + encodeURIComponent($("example").value) + ".json");
  $("request").value = await r.text();
}

async function loadRuleset() {
  const r = await fetch("/v1/ruleset");
  const body = await r.json().catch(() => ({}));
  $("ruleset").textContent = r.ok ? w("ruleset") + " " + body.version + " · " + body.digest
    : w("notLoaded") + " (" + (body.error || r.status) + ")";
}

document.addEventListener("DOMContentLoaded", () => {
  $("load-example").addEventListener("click", loadExample);
  $("decide").addEventListener("click", decide);
  $("upload").addEventListener("click", upload);
  $("try-candidate").addEventListener("click", tryCandidate);
  $("lang").value = initialLang();
  applyLabels();
  $("lang").addEventListener("change", () => {
    applyLabels();
    loadRuleset();
    if (lastDecision) {
      const result = $("result");
      result.replaceChildren();
      renderDecision(lastDecision, result);
      explain(lastDecision, result);
    }
  });
  loadRuleset();
  // ?example=NAME&decide=1 opens an example already decided (scripts/screenshots.sh shows the page this way).
  const asked = new URLSearchParams(window.location.search);
  if (asked.get("example") && [...$("example").options].some((o) => o.value === asked.get("example"))) {
    $("example").value = asked.get("example");
  }
  loadExample().then(() => { if (asked.get("decide") === "1") { decide(); } });
});
