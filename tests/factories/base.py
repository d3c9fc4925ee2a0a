"""What every factory builds on: Wagtail pages added to the tree (and published), pictures, and
staff accounts."""

import factory
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory
from wagtail.images import get_image_model


class PageFactory(DjangoModelFactory):
    """A Wagtail page under `parent`, as an editor makes one: added to the tree, saved as a
    revision, and published unless `publish=False` (then a draft that has never been live)."""

    class Meta:
        abstract = True

    parent = None
    publish = True
    # Declarations that are not model fields, handed to before_save().
    _set_before_save = ()

    @classmethod
    def _create(cls, model_class, *args, parent, publish=True, **fields):
        extra = {name: fields.pop(name) for name in cls._set_before_save if name in fields}
        page = model_class(*args, **{**fields, "live": publish})
        cls.before_save(page, **extra)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page

    @classmethod
    def before_save(cls, page, **extra):
        """Set what must be on the page before its first save (inline children, tags)."""


def inline_rows(model, items, *names):
    """A page's inline rows of `model`, in the order of `items`: with one field name, each item
    is that field's value; with several, a tuple of their values."""
    if len(names) == 1:
        items = [(item,) for item in items]
    return [
        model(sort_order=order, **dict(zip(names, values, strict=True)))
        for order, values in enumerate(items)
    ]


def save_with(instance, **fields):
    """`instance` with `fields` changed, saved."""
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.save()
    return instance


class ImageFactory(DjangoModelFactory):
    """A small JPEG in one colour: quick to store and quick to make renditions of. Pass width
    and height for a picture big enough for every rendition a template asks for."""

    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Test picture {n}")
    file = factory.django.ImageField(
        filename=factory.Sequence(lambda n: f"test-picture-{n}.jpg"),
        width=factory.SelfAttribute("..width"),
        height=factory.SelfAttribute("..height"),
        color=factory.SelfAttribute("..colour"),
        format="JPEG",
    )

    class Params:
        width = 160
        height = 90
        colour = (29, 92, 138)


class UserFactory(DjangoModelFactory):
    """A member of staff (or a reader) with the password "pw", in the named groups."""

    class Meta:
        model = "auth.User"
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@practice.example")
    password = factory.django.Password("pw")

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        if create and names:
            user.groups.add(*(Group.objects.get(name=name) for name in names))


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True
