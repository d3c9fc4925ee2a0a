import pytest

from .helpers import build_home, pdf, picture


@pytest.fixture
def home(db):
    return build_home()


@pytest.fixture
def uploads(tmp_path):
    """A copy of the old site's wp-content/uploads folder."""
    folder = tmp_path / "wp-content" / "uploads"
    picture(folder / "2024" / "03" / "pain-diary.jpg")
    picture(folder / "2024" / "03" / "pain-diary-640x427.jpg", size=(640, 427))
    picture(folder / "2024" / "03" / "clinic-entrance.jpg", colour=(214, 170, 130))
    pdf(folder / "2024" / "02" / "new-patient-form.pdf")
    return folder
