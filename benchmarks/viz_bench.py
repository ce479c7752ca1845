"""How big the `vnkg viz` page of a ~2,000-node graph is, and how long headless Chromium
takes until its network is stabilised (target: under 5 s).

Usage: python benchmarks/viz_bench.py [--nodes 2000] [--runs 3] [--keep PAGE.html]
The graph is synthetic but shaped like the real one (provinces and districts, four bodies
per place, two posts per body, people holding posts, meetings with a chair, 3-6 other
participants from the same province and one or two organisers), built from a fixed seed.
Prints the node/edge counts, Python time to build the page, the HTML size, and for each
run the wall time from navigation to "stabilised" and the page's own measure.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rdflib import RDF, RDFS, XSD, Literal  # noqa: E402

from graph_builder.model.rdf import ID, ORG, PROV, SCHEMA, VNKG  # noqa: E402
from graph_builder.storage.files import new_dataset  # noqa: E402
from graph_builder.presentation.viz import render_html, visualise  # noqa: E402
from tests.chromium import Chromium, find_chromium  # noqa: E402

BODIES = ("Huyện ủy", "Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam")
POSTS = ("Bí thư", "Phó Bí thư")
ROLES = (VNKG.AttendeeRole, VNKG.SpeakerRole, VNKG.ReporterRole, VNKG.ConcluderRole)
TYPES = (VNKG.WorkingSession, VNKG.BriefingConference, VNKG.ReviewConference)
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò", "Mùa")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Thanh", "Hữu", "A")
GIVEN = ("Hoa", "Sơn", "Liên", "Thuận", "Đồng", "Cường", "Khanh", "Phương", "Tiến", "Hòa", "Quyền")


def synthetic(nodes: int, seed: int = 1):
    """A dataset with about `nodes` network nodes (localities, bodies, posts, people, meetings)."""
    rnd, ds = random.Random(seed), new_dataset()
    g = ds.graph(ID["graph/synthetic"])
    provinces = max(2, nodes // 250)
    places, bodies, posts = [], [], []
    for p in range(provinces):
        province = ID[f"place/p{p}"]
        g.add((province, RDF.type, VNKG.Locality))
        g.add((province, RDFS.label, Literal(f"tỉnh Số {p}")))
        for d in range(6):
            district = ID[f"place/p{p}-d{d}"]
            g.add((district, RDF.type, VNKG.Locality))
            g.add((district, RDFS.label, Literal(f"huyện {d} tỉnh {p}")))
            g.add((district, SCHEMA.containedInPlace, province))
            places.append((p, district))
    for p, place in places:
        for b, body_name in enumerate(BODIES):
            body = ID[f"org/{place.rsplit('/', 1)[-1]}-{b}"]
            g.add((body, RDF.type, VNKG.Organisation))
            g.add((body, RDFS.label, Literal(f"{body_name} {place.rsplit('/', 1)[-1]}")))
            g.add((body, VNKG.governs, place))
            bodies.append((p, body))
            for k, post_name in enumerate(POSTS):
                post = ID[f"position/{body.rsplit('/', 1)[-1]}-{k}"]
                g.add((post, RDF.type, VNKG.Position))
                g.add((post, RDFS.label, Literal(f"{post_name} {body_name}")))
                g.add((post, ORG.postIn, body))
                posts.append((p, post))
    used = provinces + len(places) + len(bodies) + len(posts)
    people_count = int((nodes - used) * 0.72)
    people = []
    for i in range(people_count):
        p, post = rnd.choice(posts)
        person, holding = ID[f"person/x{i}"], ID[f"holding/x{i}"]
        name = f"{rnd.choice(SURNAMES)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)} {i}"
        g.add((person, RDF.type, VNKG.Person))
        g.add((person, RDFS.label, Literal(name)))
        g.add((holding, RDF.type, VNKG.PositionHolding))
        g.add((holding, VNKG.holder, person))
        g.add((holding, VNKG.position, post))
        people.append((p, person))
    article = ID["article/synthetic"]
    g.add((article, RDF.type, VNKG.Article))
    g.add((article, VNKG.identifier, Literal("synthetic")))
    for m in range(nodes - used - people_count):
        p, place = rnd.choice(places)
        local = [x for q, x in people if q == p] or [x for _, x in people]
        meeting = ID[f"meeting/m{m}"]
        g.add((meeting, RDF.type, VNKG.Meeting))
        g.add((meeting, RDFS.label, Literal(f"Hội nghị {m}, 2024-{1 + m % 12:02d}-{1 + m % 28:02d}")))
        g.add((meeting, VNKG.date, Literal(f"2024-{1 + m % 12:02d}-{1 + m % 28:02d}", datatype=XSD.date)))
        g.add((meeting, VNKG.meetingType, rnd.choice(TYPES)))
        g.add((meeting, VNKG.locality, place))
        g.add((meeting, PROV.wasDerivedFrom, article))
        chair, *others = rnd.sample(local, min(len(local), rnd.randint(4, 7)))
        g.add((meeting, VNKG.chair, chair))
        for j, person in enumerate(others):
            part = ID[f"participation/m{m}-{j}"]
            g.add((part, RDF.type, VNKG.Participation))
            g.add((part, VNKG.participant, person))
            g.add((part, VNKG.meeting, meeting))
            g.add((part, VNKG.role, rnd.choice(ROLES)))
        for _, body in rnd.sample([b for b in bodies if b[0] == p], rnd.randint(1, 2)):
            g.add((meeting, VNKG.organiser, body))
    return ds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", help="also write the page here")
    args = parser.parse_args()
    dataset = synthetic(args.nodes)
    started = time.perf_counter()
    page = visualise(dataset)
    html = render_html(page)
    build = time.perf_counter() - started
    stats = page.vnkg_stats
    print(f"graph: {stats['nodes']} nodes, {stats['edges']} edges; page built in {build:.2f} s (Python)")
    print(f"HTML: {len(html.encode('utf-8')):,} bytes ({len(html.encode('utf-8')) / 2**20:.2f} MiB)")
    binary = find_chromium()
    if binary is None:
        print("chromium is not installed: no browser timing (apt-get install -y chromium)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "bench.html"
        path.write_bytes(html.encode("utf-8"))
        walls, inside = [], []
        for run in range(args.runs):
            with Chromium(binary) as browser:       # a fresh browser each run: nothing cached
                started = time.perf_counter()
                browser.open(path)
                state = browser.wait_for("window.vnkgState && window.vnkgState.stabilised && window.vnkgState",
                                         timeout=120)
                wall = time.perf_counter() - started
                if not state:
                    print(f"run {run + 1}: not stabilised within 120 s; errors: {browser.errors}")
                    continue
                walls.append(wall)
                inside.append(state["stabiliseMs"] / 1000)
                early = (f"; time budget reached at iteration {state['stoppedEarly']}"
                         if state.get("stoppedEarly") else "; all iterations run")
                print(f"run {run + 1}: stabilised {wall:.2f} s after navigation "
                      f"(page's own measure {inside[-1]:.2f} s{early}; {len(browser.errors)} console errors)")
        if walls:
            verdict = "meets" if statistics.median(walls) < 5 else "MISSES"
            print(f"median: {statistics.median(walls):.2f} s to stabilised ({verdict} the 5 s target)")


if __name__ == "__main__":
    main()
