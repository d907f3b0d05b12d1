import math

from portfolios import tokens


def test_tokens_carry_at_least_128_random_bits_and_are_url_safe():
    token, token_hash = tokens.new_token()
    assert len(token) == tokens.TOKEN_LENGTH == 43
    assert tokens.TOKEN_BYTES * 8 >= 128
    assert math.log2(64) * len(token) >= 256 - 6  # 43 base64url characters carry the 256 bits
    assert tokens.is_well_formed(token)
    assert token_hash == tokens.hash_token(token) and len(token_hash) == 64


def test_only_the_hash_identifies_a_token():
    token, token_hash = tokens.new_token()
    assert token not in token_hash
    assert tokens.matches(token_hash, token)
    assert not tokens.matches(token_hash, token[:-1] + ("A" if token[-1] != "A" else "B"))


def test_tokens_are_unique():
    assert len({tokens.new_token()[0] for _ in range(1000)}) == 1000


def test_malformed_tokens_are_rejected_before_any_lookup():
    for bad in ["", "short", "x" * 42, "x" * 44, "é" * 43, "a/b" + "c" * 40, "%00" + "a" * 40]:
        assert not tokens.is_well_formed(bad)
