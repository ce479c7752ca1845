"""Person mentions: what the worker records for resolution, small and JSON-able."""

import json

from graph_builder import extract_text
from graph_builder.resolution.mentions import PersonMention, person_mentions


def test_mentions_carry_name_lineage_date_and_posts_and_round_trip_through_json():
    article = extract_text("vc-01", "Sáng 15/3/2024, đồng chí Hoàng Văn Toản, Ủy viên Ban Thường vụ Tỉnh ủy, "
                                    "Bí thư Huyện ủy Văn Chấn, tỉnh Yên Bái chủ trì hội nghị.")
    (found,) = person_mentions(article)
    assert (found.article, found.name, found.lineage, found.date) == ("vc-01", "Hoàng Văn Toản", "2025-15", "2024-03-15")
    assert [(p.title, p.level, p.body, p.role_class, p.unit) for p in found.posts] == [
        ("Ủy viên Ban Thường vụ Tỉnh ủy Yên Bái", "province", "party", "member", "15"),
        ("Bí thư Huyện ủy Văn Chấn", "district", "party", "head", "140")]
    assert found.block == "hoàng văn toản|2025-15"
    assert PersonMention.from_json(json.loads(json.dumps(found.to_json()))) == found
