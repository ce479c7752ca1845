"""Bad input: each kind of file a real corpus holds gets one line naming the file (a
skipped file with its reason, or a warning), and the rest of the corpus still builds."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from graph_builder.reading.article import MAX_ARTICLE_BYTES, read_file
from graph_builder.reading.decoding import decode_bytes
from graph_builder.errors import InputError
from graph_builder.storage.build import build_graph

from .conftest import GOOD, cp1258

ARTICLE = GOOD.read_text(encoding="utf-8")
NO_PERSON = "Dự báo thời tiết\n\nHôm nay trời nắng đẹp trên toàn tỉnh Tuyên Quang. Nhiệt độ cao nhất 30 độ C.\n"
NO_MEETING = ("Thăm hỏi gia đình chính sách\n\nĐồng chí Nguyễn Văn Sơn, Bí thư Huyện ủy Hàm Yên đã đến thăm, "
              "tặng quà các gia đình chính sách trên địa bàn xã Tân Thành.\n")


def _build(folder: Path):
    report = build_graph([folder])
    assert str(folder / GOOD.name) in report.read, "the good article must still build"
    return report


# (file name, its bytes, "skipped" or "warning", the exact reason after "<file>: ")
SKIPPED = [
    ("empty.txt", b"", "empty file (0 bytes)"),
    ("blank.txt", b" \n\n\t \r\n", "no text (the file holds only whitespace)"),
    ("bom_only.txt", b"\xef\xbb\xbf", "no text (the file holds only whitespace)"),
    ("nul.txt", "Hội nghị".encode() + b"\x00\x01\x02\x03", "binary file (NUL byte at byte offset 12)"),
    ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5 >>\x00stream",
     "binary file (NUL byte at byte offset 38; it looks like a PDF document)"),
    ("photo.txt", b"\xff\xd8\xff\xe1Exif-data-without-nul-bytes", "binary file (it looks like a JPEG image)"),
    ("odd_utf16.txt", b"\xff\xfe" + "Hội nghị".encode("utf-16-le") + b"\x41",
     "not valid UTF-16 despite its byte order mark (invalid data at byte offset 18)"),
    ("latin1.txt", "Le café naïve".encode("latin-1"), "not UTF-8 (invalid byte 0xe9 at byte offset 6)"),
    # VNI-Windows ("Hội nghị" is "Hoäi nghò"): no Unicode decoder, so a clear error
    ("vni.txt", b"Ho\xe4i ngh\xf2 toa\xf8n huye\xe4n \xd1a\xf8i", "not UTF-8 (invalid byte 0xe4 at byte offset 2)"),
]


@pytest.mark.parametrize("name, data, reason", SKIPPED, ids=[c[0] for c in SKIPPED])
def test_inputs_bad_file_is_skipped_with_its_reason(corpus, name, data, reason):
    (corpus / name).write_bytes(data)
    report = _build(corpus)
    assert report.skipped == [(str(corpus / name), reason)]
    assert report.warnings == []


READ_WITH_WARNING = [
    pytest.param("cp1258.txt", cp1258(ARTICLE), "not UTF-8; read as Windows-1258 (check the text)",
                 id="cp1258.txt"),
    pytest.param("utf16_nobom.txt", ARTICLE.encode("utf-16-le"),
                 "not UTF-8; read as UTF-16 without BOM (check the text)", id="utf16_nobom.txt"),
    pytest.param("no_person.txt", NO_PERSON.encode(), "no person and no meeting found", id="no_person.txt"),
    pytest.param("no_meeting.txt", NO_MEETING.encode(), "no meeting found", id="no_meeting.txt"),
]


@pytest.mark.parametrize("name, data, warning", READ_WITH_WARNING)
def test_inputs_doubtful_file_is_read_with_a_warning(corpus, name, data, warning):
    (corpus / name).write_bytes(data)
    report = _build(corpus)
    assert str(corpus / name) in report.read and report.skipped == []
    assert report.warnings == [f"{corpus / name}: {warning}"]


@pytest.mark.parametrize("data, warning", [
    (cp1258(ARTICLE), "not UTF-8; read as Windows-1258 (check the text)"),
    (ARTICLE.encode("utf-16-le"), "not UTF-8; read as UTF-16 without BOM (check the text)"),
    (ARTICLE.encode("utf-16-be"), "not UTF-8; read as UTF-16 without BOM (check the text)"),
])
def test_inputs_guessed_encoding_is_noted_on_the_article(tmp_path, data, warning):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    article = read_file(path)
    assert article.text == read_file(GOOD).text
    assert article.warnings == [warning]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_inputs_unicode_with_bom_reads_like_utf8(tmp_path, encoding):
    data = ARTICLE.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    article = read_file(path)
    assert article.text == read_file(GOOD).text
    assert article.warnings == []


def test_inputs_windows_1258_reads_the_same_facts(tmp_path):
    from graph_builder.extraction.pipeline import extract_file
    path = tmp_path / "x.txt"
    path.write_bytes(cp1258(ARTICLE))
    legacy, unicode = extract_file(path), extract_file(GOOD)
    assert legacy.text == unicode.text
    assert [p.name for p in legacy.persons] == [p.name for p in unicode.persons] == ["Nguyễn Duy Hòa"]


def test_inputs_decode_html_meta_charset_is_trusted():
    decoded = decode_bytes("Ông Nguyễn Văn An".encode("cp1258", errors="ignore") + b" caf\xe9", "x",
                           declared="windows-1258")
    assert decoded.encoding == "windows-1258" and not decoded.guessed


def test_inputs_huge_file_is_skipped_without_reading_it(corpus):
    # sparse: 50 MB on paper, no disk space; the size limit is checked before reading
    with open(corpus / "dump.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    report = _build(corpus)
    assert report.skipped == [(str(corpus / "dump.txt"),
                               "too large (52,428,800 bytes; an article may be at most 10 MB)")]
    assert MAX_ARTICLE_BYTES == 10 * 1024 * 1024


def test_inputs_nested_folders_and_html_pages_are_found(corpus):
    deep = corpus / "2023" / "03" / "ham-yen"
    deep.mkdir(parents=True)
    (deep / "no_meeting.txt").write_bytes(NO_MEETING.encode())
    page = Path(__file__).parent.parent / "data" / "robustness" / "bac_me_tong_ket.html"
    (deep / "bac_me.HTM").write_bytes(page.read_bytes())
    (corpus / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (corpus / ".hidden.txt").write_text("not an article", encoding="utf-8")
    (corpus / "notes.json").write_text("{}", encoding="utf-8")
    report = _build(corpus)
    assert sorted(report.read) == sorted([str(corpus / GOOD.name), str(deep / "no_meeting.txt"),
                                          str(deep / "bac_me.HTM")])
    assert report.skipped == []
    assert report.warnings == [f"{deep / 'no_meeting.txt'}: no meeting found"]


def test_inputs_symlink_loop_is_a_warning_not_a_hang(corpus):
    (corpus / "sub").mkdir()
    (corpus / "sub" / "up").symlink_to("..")             # a folder link back to an ancestor
    (corpus / "self.txt").symlink_to("self.txt")        # a file link to itself
    (corpus / "gone.txt").symlink_to("nowhere.txt")
    (corpus / "again").symlink_to("sub")                # a second way into a folder: no loop
    report = _build(corpus)
    assert report.read == [str(corpus / GOOD.name)]
    assert report.skipped == []
    # folders are walked in name order: "again" (a link to sub) before "sub" itself
    assert report.warnings == [
        f"{corpus / 'again' / 'up'}: symlink loop (a link back to {corpus}; not followed)",
        f"{corpus / 'gone.txt'}: broken symlink (it points to nowhere.txt, which does not exist)",
        f"{corpus / 'self.txt'}: symlink loop (the link leads back to itself; not followed)",
    ]


def test_inputs_unreadable_file_is_skipped(corpus, monkeypatch):
    # Tests run as root, who can read a chmod 000 file: the OS error is simulated.
    (corpus / "locked.txt").write_bytes(ARTICLE.encode())
    real_open = open

    def guarded_open(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded_open)
    report = _build(corpus)
    assert report.skipped == [(str(corpus / "locked.txt"), "cannot read file (Permission denied)")]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root reads a chmod 000 file; the mocked test above covers this case")
def test_inputs_unreadable_file_is_skipped_for_real(corpus):
    locked = corpus / "locked.txt"
    locked.write_bytes(ARTICLE.encode())
    locked.chmod(0)
    try:
        report = _build(corpus)
    finally:
        locked.chmod(0o644)
    assert report.skipped == [(str(locked), "cannot read file (Permission denied)")]


def test_inputs_unreadable_file_error_says_what_to_do(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_bytes(b"x")
    monkeypatch.setattr("builtins.open", lambda *a, **k: (_ for _ in ()).throw(
        PermissionError(errno.EACCES, "Permission denied")))
    with pytest.raises(InputError) as caught:
        read_file(path)
    assert caught.value.render() == f"{path}: cannot read file (Permission denied) (check its permissions)"
    assert caught.value.exit_code == 3


def test_inputs_named_fifo_is_not_read(corpus):
    fifo = corpus / "pipe.txt"
    os.mkfifo(fifo)
    report = build_graph([corpus / GOOD.name, fifo])
    assert report.skipped == [(str(fifo), "not a regular file")]


def test_inputs_duplicate_identifier_is_skipped(corpus):
    (corpus / "copy").mkdir()
    (corpus / "copy" / GOOD.name).write_bytes(GOOD.read_bytes())
    report = _build(corpus)
    assert report.skipped == [(str(corpus / "copy" / GOOD.name),
                               f"duplicate article identifier ({GOOD.stem!r}, also {corpus / GOOD.name})")]


def test_inputs_file_name_not_utf8_is_skipped(corpus):
    name = os.fsdecode(b"bad\xff.txt")
    (corpus / name).write_bytes(ARTICLE.encode())
    report = _build(corpus)
    assert report.skipped == [(str(corpus / name), "file name is not valid UTF-8 (rename the file)")]


def test_inputs_summary_counts_read_skipped_and_why(corpus):
    (corpus / "a.txt").write_bytes(b"")
    (corpus / "b.txt").write_bytes(b"")
    (corpus / "c.txt").write_bytes(b"\x00\x01")
    (corpus / "d.txt").write_bytes(NO_PERSON.encode())
    report = _build(corpus)
    assert report.skip_reasons() == {"empty file": 2, "binary file": 1}
    assert report.summary() == (f"2 articles read, 3 skipped (2 empty file, 1 binary file), 1 warning; "
                                f"{report.triples} triples")


def test_inputs_cli_prints_one_line_per_problem_and_a_summary(corpus, vnkg, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "latin1.txt").write_bytes("Le café naïve".encode("latin-1"))
    (corpus / "no_person.txt").write_bytes(NO_PERSON.encode())
    out = tmp_path / "out.ttl"
    result = vnkg("build", corpus, "--out", out)
    assert result.code == 0, result
    lines = result.err.splitlines()
    assert lines[:4] == [
        f"vnkg: skipped {corpus / 'empty.txt'}: empty file (0 bytes)",
        f"vnkg: skipped {corpus / 'latin1.txt'}: not UTF-8 (invalid byte 0xe9 at byte offset 6)",
        f"vnkg: warning: {corpus / 'no_person.txt'}: no person and no meeting found",
        lines[3],
    ]
    assert lines[3].startswith("vnkg: 2 articles read, 2 skipped (1 empty file, 1 not UTF-8), 1 warning; ")
    assert lines[3].endswith(f"triples -> {out} ({out.stat().st_size} bytes)")
    assert len(lines) == 4 and "Traceback" not in result.err


def test_inputs_strict_fails_and_keeps_the_previous_output(corpus, vnkg, tmp_path):
    out = tmp_path / "out.ttl"
    assert vnkg("build", corpus, "--out", out, "--strict").code == 0
    before = out.read_bytes()
    (corpus / "empty.txt").write_bytes(b"")
    result = vnkg("build", corpus, "--out", out, "--strict")
    assert result.code == 7
    assert result.err.splitlines()[-1] == "vnkg: error: 1 skipped, 0 warnings (--strict)"
    assert f"; {out} not written" in result.err
    assert out.read_bytes() == before
    assert vnkg("build", corpus, "--out", out).code == 0       # without --strict: built


def test_inputs_strict_fails_on_a_warning_alone(corpus, vnkg, tmp_path):
    (corpus / "no_person.txt").write_bytes(NO_PERSON.encode())
    result = vnkg("build", corpus, "--out", tmp_path / "out.ttl", "--strict")
    assert result.code == 7
    assert result.err.splitlines()[-1] == "vnkg: error: 0 skipped, 1 warning (--strict)"


def test_inputs_nothing_readable_fails_and_writes_nothing(tmp_path, vnkg):
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.ttl"
    result = vnkg("build", tmp_path / "empty.txt", "--out", out)
    assert result.code == 3
    assert result.err.splitlines() == [
        f"vnkg: skipped {tmp_path / 'empty.txt'}: empty file (0 bytes)",
        f"vnkg: error: no article could be read (1 skipped); {out} not written",
    ]
    assert not out.exists()
