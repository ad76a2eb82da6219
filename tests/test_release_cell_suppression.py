"""Small-cell and complementary suppression: no hidden small cell can be recovered from the sums."""
from hypothesis import given, settings
from hypothesis import strategies as st

from reports.cell_suppression import one_way_lines, suppress, two_way_lines
from release_fixtures import max_of_hidden_cells

MIN = 10


def test_one_way_table_with_one_small_cell_gets_a_complement():
    hidden = suppress([120, 4, 60, 35], one_way_lines(4), MIN)
    assert hidden == [False, True, False, True]  # the smallest visible cell complements the small one


def test_two_small_cells_adding_up_below_the_minimum_get_a_third():
    hidden = suppress([50, 3, 4, 40], one_way_lines(4), MIN)
    assert sum(hidden) == 3 and hidden[1] and hidden[2]


def test_table_without_small_cells_is_untouched():
    assert suppress([10, 11, 500], one_way_lines(3), MIN) == [False, False, False]


def test_two_way_table_hides_a_partner_in_row_and_column():
    # 2 rows x 3 columns; cell (0, 1) = 2 is small.
    rows, cols = [0, 0, 0, 1, 1, 1], [0, 1, 2, 0, 1, 2]
    counts = [30, 2, 40, 25, 35, 50]
    hidden = suppress(counts, two_way_lines(rows, cols), MIN)
    assert hidden[1]
    assert sum(hidden[:3]) >= 2 and (hidden[1] and hidden[4])  # row partner and column partner
    bounds = max_of_hidden_cells(counts, hidden, two_way_lines(rows, cols), [1])
    assert bounds[1] >= MIN


def test_the_audit_catches_a_lone_suppression():
    # Without complementary suppression the small cell is exactly the total minus the rest.
    counts, hidden = [120, 4, 60], [False, True, False]
    assert max_of_hidden_cells(counts, hidden, one_way_lines(3), [1])[1] == 4


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 6), st.integers(2, 6), st.data())
def test_no_hidden_small_cell_is_recoverable_in_random_two_way_tables(n_rows, n_cols, data):
    counts = data.draw(st.lists(st.integers(0, 60), min_size=n_rows * n_cols, max_size=n_rows * n_cols))
    rows = [i // n_cols for i in range(n_rows * n_cols)]
    cols = [i % n_cols for i in range(n_rows * n_cols)]
    lines = two_way_lines(rows, cols)
    hidden = suppress(counts, lines, MIN)
    assert all(h for c, h in zip(counts, hidden) if c < MIN)
    for line in lines:  # the structural rule
        assert sum(hidden[c] for c in line) != 1
    small = [i for i, (c, h) in enumerate(zip(counts, hidden)) if h and 0 < c < MIN]
    if small:
        for cell, upper in max_of_hidden_cells(counts, hidden, lines, small).items():
            # A margin below the minimum bounds its cells whatever is hidden; otherwise the
            # attacker's bound must reach the minimum.
            best_possible = min([MIN] + [sum(counts[c] for c in line) for line in lines if cell in line])
            assert upper >= best_possible, f"cell {cell} bounded by {upper}"
