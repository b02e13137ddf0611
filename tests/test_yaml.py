"""The YAML reader: positions of keys and values, duplicate keys, aliases, syntax errors."""

from __future__ import annotations

from guongsang.diagnostics import Report
from guongsang.records.yamlsrc import MAX_NODES, Mark, parse_yaml


def test_positions_of_keys_and_values():
    """Every key and value keeps its 1-based line and column, shifted by the front-matter offset."""
    report = Report()
    located = parse_yaml("a: 1\nb:\n  - x\n  - c: 2\n", "f.yaml", report, line_offset=1)
    assert report.diagnostics == []
    assert located.data == {"a": 1, "b": ["x", {"c": 2}]}
    assert located.key_mark(("b",)) == Mark(3, 1)
    assert located.mark(("b", 1, "c")) == Mark(5, 8)
    assert located.mark(("b", 7)) == Mark(4, 3)


def test_dates_stay_text_for_our_own_parser():
    """YAML timestamps are not turned into dates, so an impossible date gets our message, not a crash."""
    located = parse_yaml("ngay: 2024-02-30\n", "f.yaml", Report())
    assert located.data == {"ngay": "2024-02-30"}


def test_non_scalar_keys_and_merge_keys_are_refused():
    """Keys must be plain words: a list as key or a '<<' merge is an error at its line."""
    report = Report()
    parse_yaml("base: &b {x: 1}\nother:\n  <<: *b\n[a]: 2\n", "f.yaml", report)
    assert [str(d) for d in report.diagnostics] == [
        "f.yaml:3:3: lỗi: tên trường phải là một từ đơn giản, ví dụ 'ho_ten:'",
        "f.yaml:4:1: lỗi: tên trường phải là một từ đơn giản, ví dụ 'ho_ten:'",
    ]


def test_alias_bomb_is_stopped():
    """Nested aliases that expand past the node cap ('billion laughs') are refused, not expanded."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    report = Report()
    assert parse_yaml("\n".join(lines) + "\n", "f.yaml", report) is None
    assert [str(d) for d in report.diagnostics] == [
        f"f.yaml:1:1: lỗi: tệp mở rộng thành hơn {MAX_NODES} giá trị (bí danh & và * lồng nhau?); hãy viết giá trị trực tiếp"
    ]


def test_syntax_problems_in_plain_words():
    """YAML syntax errors are told in words an office editor can act on, at their line."""
    cases = {
        "a: [1, 2\n": "f.yaml:2:1: lỗi: thiếu dấu ']' đóng danh sách, hoặc thiếu dấu ',' giữa hai mục",
        "- a\nb: 1\n": "f.yaml:2:1: lỗi: thụt lề không đều, hoặc danh sách ('- ') lẫn với trường ('khóa:') ở cùng mức",
        "a: 'chưa đóng\n": "f.yaml:2:1: lỗi: tệp kết thúc giữa chừng (thiếu dấu ngoặc kép hoặc ngoặc đóng?)",
        "a: @b\n": "f.yaml:1:4: lỗi: ký tự '@' không được đứng đầu một giá trị; đặt cả giá trị trong ngoặc kép",
        "a: b\nc\n": "f.yaml:3:1: lỗi: thiếu dấu ':' sau tên trường",
        "a: *x\n": "f.yaml:1:4: lỗi: dùng bí danh (*) chưa được khai báo",
    }
    for source, expected in cases.items():
        report = Report()
        assert parse_yaml(source, "f.yaml", report) is None
        assert [str(d) for d in report.diagnostics] == [expected]


def test_language_specific_tags_are_refused():
    """'!!python/…' and other tags never construct objects; the editor is told to remove them."""
    report = Report()
    located = parse_yaml("a: !!python/object/apply:os.system [ls]\nb: !!binary aGk=\n", "f.yaml", report)
    assert located.data == {"a": None, "b": None}
    assert [str(d) for d in report.diagnostics] == [
        "f.yaml:1:4: lỗi: thẻ YAML '!!python/object/apply:os.system' không được dùng trong dữ liệu; xóa phần bắt đầu bằng '!'",
        "f.yaml:2:4: lỗi: thẻ YAML '!!binary' không được dùng trong dữ liệu; xóa phần bắt đầu bằng '!'",
    ]
