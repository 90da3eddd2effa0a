#!/usr/bin/env python3
"""addres.py BASE_PATH_WITHOUT_EXT < TSV(key \t en \t zh) : add/replace keys in BASE.resx (en) and BASE.zh-CN.resx."""
import sys, os, xml.etree.ElementTree as ET
HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
</root>
'''
def load(path):
    if not os.path.exists(path):
        return {}
    root = ET.parse(path).getroot()
    return {d.get('name'): d.find('value').text or '' for d in root.findall('data')}
def save(path, entries):
    from xml.sax.saxutils import escape
    lines = HEADER.rstrip().split('\n')[:-1]
    for k in sorted(entries):
        lines.append(f'  <data name="{escape(k)}" xml:space="preserve"><value>{escape(entries[k])}</value></data>')
    lines.append('</root>')
    open(path, 'w', encoding='utf-8').write('\n'.join(lines) + '\n')
base = sys.argv[1]
en, zh = load(base + '.resx'), load(base + '.zh-CN.resx')
for line in sys.stdin:
    line = line.rstrip('\n')
    if not line.strip() or line.startswith('#'):
        continue
    parts = line.split('\t')
    if len(parts) != 3:
        sys.exit(f'bad line: {line!r}')
    k, e, z = parts
    en[k] = e; zh[k] = z
save(base + '.resx', en); save(base + '.zh-CN.resx', zh)
print(f'{len(en)} keys')
