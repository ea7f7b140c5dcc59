#!/usr/bin/env python3
"""Attributes the execution samples of a JFR recording of Prof (docs/performance.md, "Issue 14: where the time
goes") to Drools node kinds. Input: `jfr print --events jdk.ExecutionSample --stack-depth 120 FILE`. Each sample is
counted once: under the step of the evaluation it is in (insert, fire, reset, ours), and within fireAllRules under
its part: the consequences (ours, Drools', inserting derived facts), the network evaluation by node kind
(the innermost node frame), the propagation of the inserted facts, the agenda. Also prints the share of samples with an
executable-model lambda constraint anywhere on the stack (inclusive, overlaps the node kinds)."""
import re
import sys
from collections import Counter

NODES = [  # within the network evaluation: the innermost (closest to the top) node frame wins
    ("accumulate (AccumulateNode)", r"PhreakAccumulateNode|\.AccumulateNode\."),
    ("not / exists (NotNode, ExistsNode)", r"PhreakNotNode|PhreakExistsNode|\.NotNode\.|\.ExistsNode\."),
    ("from (FromNode)", r"PhreakFromNode|\.FromNode\."),
    ("join (JoinNode)", r"PhreakJoinNode|\.JoinNode\."),
    ("eval (EvalConditionNode)", r"PhreakEvalNode|EvalConditionNode"),
    ("rule terminal node (activations)", r"PhreakRuleTerminalNode|RuleTerminalNode\."),
]


def kind_in_fire(top):
    """The part of fireAllRules a sample is in; top = the frames above the marker, top of the stack first."""
    has = lambda rx: any(re.search(rx, f) for f in top)
    if has(r"RuleExecutor\.fireActivation"):
        if has(r"StatefulKnowledgeSessionImpl\.insert|NamedEntryPoint\.insert"):
            return "consequences: inserting a derived fact (ListApplies, OnList, ...)"
        if has(r"io\.github\.ftzoutbound\.engine\.facts\.Outcome\."):
            return "consequences: our collector (Outcome)"
        return "consequences: Drools' side (lambda consequence, fact lookup, events)"
    if has(r"RuleNetworkEvaluatorImpl|RightInputAdapterNode"):
        for f in top:
            for name, rx in NODES:
                if re.search(rx, f):
                    return "network: " + name
        return "network: segment walking, tuples, memories (no node of its own)"
    if has(r"flushPropagations|PropagationList"):
        return "propagating the inserted facts (alpha network, object type nodes)"
    if has(r"RuleExecutor\.fire\(|RuleExecutor\.removeRuleAgendaItemWhenEmpty|RuleExecutor\.getNextTuple"):
        return "agenda: the fire loop of a rule (next match, dequeue the rule, salience check)"
    return "agenda: other (agenda items, queries, fire loop)"


STEPS = [
    ("reset of the session (node memories, agenda, handles)", r"StatefulKnowledgeSessionImpl\.reset"),
    ("fireAllRules", r"fireAllRules"),
    ("insert of the request's facts", r"KieSession\.insert|NamedEntryPoint\.insert|StatefulKnowledgeSessionImpl\.insert"),
]


def samples(path):
    frames, inside = [], False
    for line in open(path, encoding="utf-8"):
        if "stackTrace = [" in line:
            frames, inside = [], True
        elif inside and line.strip().startswith("]"):
            inside = False
            yield frames
        elif inside:
            f = line.strip()
            if f and f != "...":
                frames.append(f)


def main():
    path = sys.argv[1]
    marker = sys.argv[2] if len(sys.argv) > 2 else "SameRulesProbe.evaluate"
    steps, kinds, total, lam, other = Counter(), Counter(), 0, 0, Counter()
    for fr in samples(path):
        if not any(marker in f for f in fr):
            continue
        total += 1
        if any("LambdaConstraint" in f or "EvaluationUtil" in f or "LambdaPredicate" in f for f in fr):
            lam += 1
        # the frames above the marker only
        top = []
        for f in fr:
            if marker in f:
                break
            top.append(f)
        step = next((name for name, rx in STEPS if any(re.search(rx, f) for f in top)), "ours (outside Drools)")
        steps[step] += 1
        if step == "fireAllRules":
            kind = kind_in_fire(top)
            kinds[kind] += 1
            if kind.startswith("agenda"):
                other[top[0].split("(")[0] if top else "?"] += 1
    print(f"{total} samples in {marker}")
    for k, v in steps.most_common():
        print(f"  {100 * v / total:5.1f} %  {k}")
    fire = steps["fireAllRules"]
    print(f"within fireAllRules ({fire} samples), share of all samples:")
    for k, v in kinds.most_common():
        print(f"  {100 * v / total:5.1f} %  {k}")
    print(f"  lambda constraints anywhere on the stack (inclusive): {100 * lam / total:.1f} %")
    if other:
        print("  top frames of the agenda part:", ", ".join(f"{k} {v}" for k, v in other.most_common(8)))


if __name__ == "__main__":
    main()
