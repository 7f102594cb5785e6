//! Cross-article alignment (see issue 3).
