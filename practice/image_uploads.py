"""Image uploads in the admin: Wagtail's checks, made safe against crafted files.

Wagtail measures an upload by fully decoding it (Willow converts to a Pillow image and calls
load()). So an image just under Pillow's own alarm (89 megapixels) but over our limit is decoded
into hundreds of megabytes before being refused, and a file with a valid header but damaged
data raises OSError, which the admin shows as a server error. Here the size is read from the
header first, and any decoding failure becomes the usual "not a valid image" message.

Enabled by WAGTAILIMAGES_IMAGE_FORM_BASE, so the single and the bulk uploader both use it.
"""

import warnings

from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class HeaderCheckedImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        if self.max_image_pixels is not None:
            width, height = self._header_size(f)
            if width * height > self.max_image_pixels:
                raise ValidationError(
                    self.error_messages["file_too_many_pixels"]
                    % {"num_pixels": width * height, "max_pixels_count": self.max_image_pixels},
                    code="file_too_many_pixels",
                )
        try:
            super().check_image_pixel_size(f)  # also counts animation frames
        except (OSError, SyntaxError, ValueError) as error:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error

    def _header_size(self, f):
        """Width and height from the file's header, without decoding its pixels."""
        f.seek(0)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", PILImage.DecompressionBombWarning)
                with PILImage.open(f) as probe:
                    return probe.size
        except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError):
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": "unknown number", "max_pixels_count": self.max_image_pixels},
                code="file_too_many_pixels",
            ) from None
        except Exception:  # noqa: BLE001 - an SVG, or a format only Willow reads
            return (0, 0)
        finally:
            f.seek(0)


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, HeaderCheckedImageField):
            # The same widget keeps the attributes Wagtail set on it (accept=, sync target).
            self.fields["file"] = HeaderCheckedImageField(
                required=field.required, label=field.label, widget=field.widget
            )
