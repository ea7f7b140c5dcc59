#!/usr/bin/env python3
"""Prints the catalog entries of the category rows (JS-RULES 1-39, ZJ-RULES 1-40): label = level-1 and level-2
category, text = the row's 重要数据识别参考规则（示例）, cut verbatim from docs/reference/. The PDF layout split some
example cells across rows of other columns: a cell is then the concatenation of its pieces, in reading order
(CitationCatalogTest accepts a text whose pieces appear in order). Run from the project root; paste the output at
the end of ftz-outbound-core/src/main/resources/citations/catalog.yaml."""
import re

def norm(s):
    return re.sub(r"\s+", "", re.sub(r"—\s*\d+\s*—", "", s))

LEVEL1 = ["（一）战略物资和大宗商品类", "（二）自然资源和环境类", "（三）工业类", "（四）国防科技工业类", "（五）电信类",
          None, "（七）金融类", "（八）交通运输类", "（九）卫生健康和食品药品类", "（十）公共安全类",
          "（十一）互联网服务和电子商务类", "（十二）科学技术类", "（十三）其他数据类"]
GROUPS = [range(1, 3), range(3, 8), range(8, 18), range(18, 19), range(19, 20), range(20, 22), range(22, 26),
          range(26, 27), range(27, 33), range(33, 35), range(35, 37), range(37, 39)]
NAMES = {1: "石油、石化和天然气", 2: "农产品", 3: "地理信息", 4: "气象", 5: "海洋", 6: "环保", 7: "水利",
         8: "钢铁、有色金属", 9: "稀土", 10: "其他矿产", 11: "化学工业", 12: "电力", 13: "电子信息", 14: "民用核设施",
         15: "工业装备", 16: "智能网联汽车", 17: "其他", 18: "国防科技工业类", 19: "电信", 21: "网络视听", 22: "银行",
         23: "保险", 24: "证券期货", 25: "融资租赁", 26: "交通", 27: "遗传资源", 28: "健康医疗", 29: "食品", 30: "药品",
         31: "生物安全", 32: "疾控数据", 33: "物理安全", 34: "网络安全", 35: "互联网平台服务", 36: "人工智能服务",
         37: "知识产权和重大发现", 38: "禁止出口限制出口技术", 39: "属于出口管制法管制的相关数据"}

JS = {
    "file": "docs/reference/jiangsu-ftz-measures-and-classification-rules.txt", "instrument": "JS-RULES",
    "title": "《中国（江苏）自由贸易试验区数据分类分级参考规则》", "max": 39,
    "level1_6": "（六）广播电视台和网络视听类", "name20": "广播电视台", "groups": GROUPS + [range(39, 40)],
    "cells": [
        [("石油、石化、天然气领域可能推算", "达到一定精度或者未公开的地理信息数据。")],
        [("达到国家规定的覆盖度", "水文观测数据"), ("等，满足一定精度要求的遥感影像", "重点水利工程物理安全保护情况等。")],
        [("具有重要军用、民用价值的有色金属", "能够左右原材料采购定价权的数据。"), ("关系我国科技实力", "汽车关键零"),
         ("部件研发和生产数据,如车身稳定", "安全运行保障数据。")],
        [("与国家军事、经济、科技、网络安全相关的数据", "领域相关特色重要数据。")],
        [("重要网络设施和信息系统建设规划数据", "统计分析数据等。")],
        [("未公开的视听创作内容", "安全保障数据等。")],
        [("银行、保险、证券期货及融资租赁领域", "关系国家安全企业的相关信息。")],
        [("铁路交通、公路交通、道路运输、城市交通、水路交通、民用航空、邮政管理等领域", "可能造成重大交通事故的数据。")],
        [("反映种族整体情况", "医疗领域诊疗数据。")],
        [("一旦遭到非法利用", "安全运行数据。")],
        [("在提供互联网服务过程中产生的可用来", "控制程序等数据。")],
        [("涉及国防、国家安全的知识产权数据。", "所列技术有关的数据。")],
        [("与国家安全和利益、履行防扩散", "符合重要数据定义的数据。")],
    ]}
ZJ = {
    "file": "docs/reference/zhejiang-ftz-measures-and-classification-rules.txt", "instrument": "ZJ-RULES",
    "title": "《中国（浙江）自由贸易试验区数据分类分级参考规则》", "max": 40,
    "level1_6": "（六）广播电视和网络视听类", "name20": "广播电视", "groups": GROUPS + [range(39, 41)],
    "cells": [
        [("石油、石化、天然气领域可能推算", "达到一定精度或者未公开的地理信息数据。")],
        [("达到国家规定的覆盖度", "各类气象监测数据。"), ("不宜公开发布的具有军事价值", "重点水利工程物理安全保护情况等。")],
        [("具有重要军用、民用价值的有色金属", "能够左右原材料采购定价权的数据。"),
         ("浙江自贸试验区企业掌握的重点危险化学品", "重要电子元器件设备"), ("国产化率等信息。", "国产化率等信息。"),
         ("关系我国科技实力", "安全运行保障数据。")],
        [("与国家军事、经济、科技、网络安全相关的数据", "领域相关特色重要数据。")],
        [("重要网络设施和信息系统建设规划、建设、运维", "网络运行维护等数据。")],
        [("未公开的视听创作内容", "安全保障数据等。")],
        [("银行、保险、证券期货及融资租赁领域", "关系国家安全企业的相关信息。")],
        [("铁路交通、公路交通、道路运输、城市交通、水路交通、民用航空、邮政管理等领域", "可能造成重大交通事故的数据。")],
        [("反映种族整体情况", "医疗领域诊疗数据。")],
        [("一旦遭到非法利用", "安全运行数据。")],
        [("在提供互联网服务过程中产生的可用来", "控制程序等数据。")],
        [("涉及国防、国家安全的知识产权数据。", "技术目录》有关数据。")],
        [("《中华人民共和国出口管制法》规定，国家对两用物项", "符合重要数据定义的数据。")],
    ]}

def entries(spec):
    src = norm(open(spec["file"], encoding="utf-8").read())
    start_table = src.index("重要数据识别参考规则（示例）")
    out = []
    for gi, (cats, cell) in enumerate(zip(spec["groups"], spec["cells"])):
        text, pos = "", start_table
        for a, b in cell:
            i = src.index(a, pos)
            j = src.index(b, i) + len(b)
            text += src[i:j]
            pos = j
        level1 = spec["level1_6"] if gi == 5 else LEVEL1[gi if gi < 12 else 12]
        for n in cats:
            name = spec["name20"] if n == 20 else NAMES.get(n, "其他可能影响国家政治、国土、军事、经济、文化、社会、科技、网络、生态、资源、核、海外利益、太空、极地、深海、生物等安全的数据")
            out.append((n, f"{spec['title']}{level1} {n}.{name}（重要数据识别参考规则（示例））", text))
    assert [n for n, _, _ in out] == list(range(1, spec["max"] + 1)), out
    return out

for spec in (JS, ZJ):
    for n, label, text in entries(spec):
        print(f'- instrument: "{spec["instrument"]}"\n  category: {n}\n  label: "{label}"\n  text: "{text}"')
