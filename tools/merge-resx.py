#!/usr/bin/env python3
"""Git merge driver for resx files: union of keys from both sides (ours wins on a clash), sorted.
Enable with:  git config merge.resx.driver "python3 tools/merge-resx.py %O %A %B"  (see .gitattributes)."""
import sys, xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

def load(path):
    try:
        root = ET.parse(path).getroot()
    except Exception:
        return {}
    return {d.get('name'): d.find('value').text or '' for d in root.findall('data')}

base, ours, theirs = sys.argv[1:4]
merged = load(theirs)
merged.update(load(ours))
for k in set(load(base)) - set(load(ours)) - set(load(theirs)):
    merged.pop(k, None)
head = open(ours, encoding='utf-8').read().split('<data ')[0].rstrip()
if head.endswith('</root>'):
    head = head[: -len('</root>')].rstrip()
lines = [head]
for k in sorted(merged):
    lines.append(f'  <data name="{escape(k)}" xml:space="preserve"><value>{escape(merged[k])}</value></data>')
lines.append('</root>')
open(ours, 'w', encoding='utf-8').write('\n'.join(lines) + '\n')
