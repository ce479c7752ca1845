"""Synthetic articles for scale runs, deterministic by seed.

Provinces and districts come from the gazetteer (`graph_builder.gazetteer`), surnames
from `lexicon/surnames.tsv`, post names as `lexicon/roles.tsv` and `lexicon/bodies.tsv` spell
them and meeting types as `lexicon/meeting_types.tsv` recognises them; the sentences follow the patterns of the seed articles
("Chiều ngày 20/03/2023, Huyện ủy X tổ chức hội nghị …", "Đồng chí A, Bí thư Huyện ủy
chủ trì hội nghị.", "Dự hội nghị có đồng chí B, …; đồng chí C, …"). Each district has a
fixed cast of officials (drawn from the seed and the district code), so the same person
recurs across articles as in a real corpus and cross-article resolution has work to do.

    python benchmarks/generate.py --count 10000 --seed 1 --out /tmp/vnkg-10k
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from graph_builder.gazetteer import load_gazetteer
from graph_builder.lexicon import load_table  # surnames.tsv

MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Quang", "Hữu", "Ngọc", "Xuân", "Thu", "Hồng", "Công",
          "Đình", "Kim", "Anh", "Bá", "Trọng", "Mạnh"]
GIVEN = ["Hoa", "Thuận", "Đồng", "Sơn", "Phương", "Tiến", "Hải", "Liên", "Hòa", "Khoa", "Vinh", "Hậu",
         "Dũng", "Hùng", "Lan", "Mai", "Tuấn", "Nam", "Bình", "Cường", "Hạnh", "Thắng", "Trung", "Hiếu",
         "Long", "Quân", "Thủy", "Yến", "Nga", "Tâm", "Thành", "Lợi", "Phúc", "Huy", "Khánh", "Toàn"]
TOPICS = ["công tác dân vận năm {y}", "công tác xây dựng Đảng 6 tháng đầu năm {y}",
          "nhiệm vụ phát triển kinh tế - xã hội năm {y}", "công tác phòng, chống thiên tai năm {y}",
          "chương trình mục tiêu quốc gia xây dựng nông thôn mới năm {y}",
          "công tác Mặt trận và các đoàn thể chính trị - xã hội năm {y}"]
FILLER = [
    "Năm {y}, các cấp, các ngành đã bám sát sự lãnh đạo, chỉ đạo của cấp ủy, chính quyền, tập trung "
    "triển khai đồng bộ các nhiệm vụ, giải pháp, hoàn thành và vượt nhiều chỉ tiêu đề ra.",
    "Công tác tuyên truyền, vận động nhân dân được đẩy mạnh; khối đại đoàn kết toàn dân tiếp tục được "
    "củng cố, giữ vững; an sinh xã hội được quan tâm thực hiện.",
    "Bên cạnh kết quả đạt được, hội nghị cũng chỉ ra một số hạn chế, khó khăn cần sớm khắc phục trong "
    "thời gian tới.",
    "Các đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết, sát với tình hình thực tiễn của địa phương.",
]
TIMES = ["Sáng", "Chiều", "Sáng ngày", "Chiều ngày"]
# The posts of a district's standing committee as the press names them; {c} is the
# party committee (Huyện ủy, Thị ủy, Thành ủy, Quận ủy) and {u} the unit word.
POSTS = ["Bí thư {c}", "Phó Bí thư Thường trực {c}", "Phó Bí thư {c}, Chủ tịch UBND {u}",
         "Chủ tịch HĐND {u}", "Phó Chủ tịch UBND {u}", "Trưởng Ban Dân vận {c}", "Chủ tịch Ủy ban MTTQ Việt Nam {u}"]
COMMITTEE = {"huyện": "Huyện ủy", "thị xã": "Thị ủy", "thành phố": "Thành ủy", "quận": "Quận ủy"}
MEETINGS = {"ReviewConference": "hội nghị tổng kết", "InterimReviewConference": "hội nghị sơ kết",
            "BriefingConference": "hội nghị giao ban", "Conference": "hội nghị"}


def _surnames() -> list[str]:
    return [row["surname"] for row in load_table("surnames", key="surname") if row["group"] == "kinh"]


def _official(district_code: str, post: int, seed: int, surnames: list[str]) -> str:
    rng = random.Random(f"{seed}/{district_code}/{post}")
    middle = "Thị" if rng.random() < 0.3 else rng.choice(MIDDLE)
    return f"{rng.choice(surnames[:40])} {middle} {rng.choice(GIVEN)}"


def article(index: int, seed: int, districts, surnames: list[str]) -> tuple[str, str]:
    """(identifier, text) of the synthetic article number `index`."""
    rng = random.Random(f"{seed}:{index}")
    gazetteer = load_gazetteer()
    district = rng.choice(districts)
    province = gazetteer.province_of(district)
    year = rng.choice([2021, 2022, 2023, 2024])
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    kind = rng.choice(list(MEETINGS))
    topic = rng.choice(TOPICS).format(y=year)
    committee = COMMITTEE.get(district.kind, "Huyện ủy")
    cast = [(_official(district.code, i, seed, surnames), post.format(c=committee, u=district.kind))
            for i, post in enumerate(POSTS)]
    chair, chair_post = cast[0]
    attendees = rng.sample(cast[1:], rng.randint(2, 4))
    place = f"{district.kind} {district.name}"
    title = f"{place[0].upper()}{place[1:]} tổ chức {MEETINGS[kind]} {topic}"
    lead = (f"{rng.choice(TIMES)} {day}/{month}/{year}, Ban Thường vụ {committee} {district.name} tổ chức "
            f"{MEETINGS[kind]} {topic}. Đồng chí {chair}, Ủy viên Tỉnh ủy, {chair_post} {district.name} "
            f"chủ trì hội nghị.")
    present = "; ".join(f"đồng chí {name}, {post}" for name, post in attendees)
    body = [title, "", lead, "", f"Dự hội nghị có {present}; lãnh đạo các ban, ngành, đoàn thể {place}.", ""]
    for paragraph in rng.sample(FILLER, rng.randint(2, 4)):
        body += [paragraph.format(y=year), ""]
    speaker, post = attendees[0]
    body += [f"Phát biểu tại hội nghị, đồng chí {speaker}, {post} đề nghị các cơ quan, đơn vị tiếp tục "
             f"đổi mới phương thức hoạt động, nâng cao hiệu quả công tác tại {place}, tỉnh {province.name}.", ""]
    body.append(f"{rng.choice(GIVEN)} {rng.choice(GIVEN)}")
    identifier = f"syn_{seed}_{index:07d}"
    return identifier, "\n".join(body) + "\n"


def generate(count: int, seed: int, out: Path) -> int:
    """Write `count` articles into `out` (1000 per sub-folder); returns bytes written."""
    gazetteer = load_gazetteer()
    districts = sorted((u for u in gazetteer.by_key.values() if u.level == "district"), key=lambda u: u.code)
    surnames = _surnames()
    total = 0
    for index in range(count):
        identifier, text = article(index, seed, districts, surnames)
        folder = out / f"{index // 1000:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"{identifier}.txt").write_bytes(data)
        total += len(data)
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    size = generate(args.count, args.seed, args.out)
    print(f"{args.count} articles, {size / 1e6:.1f} MB -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
