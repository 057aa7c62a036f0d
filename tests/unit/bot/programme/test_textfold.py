from bot.programme.textfold import fold, words


def test_vietnamese_diacritics_and_d_with_stroke_fold_to_ascii() -> None:
    assert fold("Chuyển đổi số") == "chuyen doi so"
    assert fold("ĐỔI MỚI") == "doi moi"


def test_french_accents_and_ligatures_fold() -> None:
    assert fold("Cœur numérique, Île") == "coeur numerique, ile"


def test_words_split_on_punctuation_and_keep_digits() -> None:
    assert words("5G: l'IA — hạ tầng số!") == ["5g", "l", "ia", "ha", "tang", "so"]
