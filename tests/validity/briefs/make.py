import yaml, sys, pathlib
def t(x, lang):
    if isinstance(x, dict): return x.get(lang) or x.get('en') or x.get('zh')
    return x
for p in sys.argv[2:]:
    s = yaml.safe_load(open(p, encoding='utf-8'))
    L = s['language']
    out = []
    out.append(f"# Briefing pack: {s['id']} (meeting language: {'Chinese' if L=='zh' else 'English'}, difficulty {s['difficulty']})\n")
    out.append(f"Title: {t(s['title'], L)}\n")
    out.append(f"Briefing: {t(s['briefing'], L)}\n")
    out.append(f"Objective: {t(s['objective'], L)}\n")
    c = s['customer']
    out.append(f"Company: {c['company']} ({c.get('employees','?')} employees). {t(c.get('about',''), L) or ''}\n")
    out.append("Contacts in the room (address one with `to: <id>`):")
    for k in c['contacts']:
        out.append(f"- id `{k['id']}`: {t(k['name'],L)}, {t(k['title'],L)} (buying role: {k['role']})")
    out.append("\nWhat this customer cares about, in plain words (the hidden needs you should uncover; the customer will NOT volunteer them):")
    for n in s['needs']:
        out.append(f"- {t(n['summary'], L)}")
    out.append("\nYour product sheet (what you sell):")
    for pr in s.get('products', []):
        out.append(f"- {t(pr.get('name', pr['id']), L)}")
        for f in pr.get('features', []): out.append(f"  - {t(f['text'], L)}")
        for f in pr.get('functions', []): out.append(f"  - {t(f['text'], L)}")
    out.append("\nNext steps you may propose: a visit, a trial, a site visit, a technical exchange, an event, etc.")
    pathlib.Path(sys.argv[1], s['id'] + '.md').write_text("\n".join(out) + "\n", encoding='utf-8')
