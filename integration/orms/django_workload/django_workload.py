"""Django 3.2 workload: `migrate` from scratch (Django's own introspection
and constraint queries), ORM work an ordinary app does (lookups, aggregates,
joins, F expressions, atomic blocks, bulk_create, get_or_create, slicing,
cascading delete), then `makemigrations --check`, `inspectdb` and a second
`migrate`, which must find nothing to do. Prints a transcript that must be
the same against PostgreSQL 15 and litegres.

    /usr/bin/python3 django_workload.py postgresql://USER@HOST:PORT/DATABASE
"""

import datetime
import decimal
import io
import os
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "settings"
os.environ["LITEGRES_ORM_DSN"] = sys.argv[1]

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import IntegrityError, connection, transaction  # noqa: E402
from django.db.models import Avg, Count, F, Q, Sum  # noqa: E402

from shop.models import Category, Product, Review, Tag  # noqa: E402

UTC = datetime.timezone.utc


def command(*args, **options) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=out, no_color=True, **options)
    return out.getvalue()


def show(label, value) -> None:
    print(f"{label}: {value}")


def migrate() -> None:
    for line in command("migrate", verbosity=1).splitlines():
        # "Applying shop.0001_initial... OK" lines are the same on both
        # servers; nothing else in the output is server-specific.
        print("migrate:", line.strip())
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        show("tables", tables)
        for table in ("shop_category", "shop_tag", "shop_product", "shop_review", "shop_product_tags"):
            description = connection.introspection.get_table_description(cursor, table)
            show(f"columns {table}", [(c.name, c.type_code, c.null_ok, c.default) for c in description])
            constraints = connection.introspection.get_constraints(cursor, table)
            # Constraint names derived from hashes are deterministic; the
            # dict's order is not part of the contract.
            for name in sorted(constraints):
                c = constraints[name]
                show(f"constraint {table}", (name, c["columns"], c["primary_key"], c["unique"], c["foreign_key"],
                                            c["check"], c["index"], c.get("type"), c.get("orders")))
            show(f"relations {table}", sorted(connection.introspection.get_relations(cursor, table).items()))
            show(f"sequences {table}", connection.introspection.get_sequences(cursor, table))


def seed() -> None:
    tools = Category.objects.create(name="Tools")
    garden = Category.objects.create(name="Garden", active=False)
    Category.objects.create(name="Kitchen")
    red, blue, sale = (Tag.objects.create(label=label) for label in ("red", "blue", "sale"))
    base = datetime.datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
    specs = [
        (tools, "Hammer", "12.50", 10, 0, {"weight": 1.2, "colors": ["red"]}, [red, sale]),
        (tools, "Screwdriver", "4.99", 25, 1, {"weight": 0.2}, [blue]),
        (tools, "Drill", "89.00", 3, 15, {"volts": 18, "cordless": True}, [red]),
        (garden, "Rake", "19.95", 0, 40, {}, [sale]),
        (garden, "Hose", "24.10", 7, 70, {"length": 15}, []),
    ]
    for i, (category, name, price, stock, days, attributes, tags) in enumerate(specs):
        product = Product.objects.create(
            category=category, name=name, price=decimal.Decimal(price), stock=stock,
            created=base + datetime.timedelta(days=days, hours=i), attributes=attributes,
            sku=uuid.UUID(int=i + 1), notes=None if i % 2 else f"{name} description")
        product.tags.set(tags)
    hammer = Product.objects.get(name="Hammer")
    Review.objects.bulk_create([
        Review(product=hammer, rating=5, body="Solid", approved=True),
        Review(product=hammer, rating=3, body="Heavy", approved=None),
        Review(product=Product.objects.get(name="Drill"), rating=4, body="Strong", approved=False),
    ])
    show("bulk_create ids", sorted(Review.objects.values_list("id", flat=True)))


def queries() -> None:
    rows = Product.objects.order_by("id")
    show("all", [(p.id, p.name, p.price, p.stock, p.created.isoformat(), p.attributes, str(p.sku), p.notes)
                 for p in rows])
    show("icontains", list(Product.objects.filter(name__icontains="DR").order_by("name").values_list("name", flat=True)))
    show("in", list(Product.objects.filter(stock__in=[0, 3, 7]).order_by("name").values_list("name", flat=True)))
    show("range", list(Product.objects.filter(price__range=(decimal.Decimal("5"), decimal.Decimal("20")))
                       .order_by("price").values_list("name", "price")))
    show("date", list(Product.objects.filter(created__date=datetime.date(2024, 3, 16)).values_list("name", flat=True)))
    show("year/month", list(Product.objects.filter(created__year=2024, created__month=4).values_list("name", flat=True)))
    show("week_day", list(Product.objects.filter(created__week_day=6).order_by("name").values_list("name", flat=True)))
    show("gte/lt", list(Product.objects.filter(created__gte=datetime.datetime(2024, 3, 2, tzinfo=UTC),
                                               created__lt=datetime.datetime(2024, 4, 15, tzinfo=UTC))
                        .order_by("created").values_list("name", flat=True)))
    show("isnull", list(Product.objects.filter(notes__isnull=True).order_by("name")
                        .values_list("name", flat=True)))
    show("startswith/iexact", list(Product.objects.filter(Q(name__startswith="H") | Q(name__iexact="rake"))
                                   .order_by("name").values_list("name", flat=True)))
    show("json key", list(Product.objects.filter(attributes__weight__gt=0.5).values_list("name", flat=True)))
    show("json has_key", list(Product.objects.filter(attributes__has_key="volts").values_list("name", flat=True)))
    show("json contains", list(Product.objects.filter(attributes__contains={"cordless": True})
                               .values_list("name", flat=True)))
    show("bool", list(Category.objects.filter(active=False).values_list("name", flat=True)))
    show("null bool", list(Review.objects.filter(approved__isnull=True).values_list("body", flat=True)))
    show("m2m filter", list(Product.objects.filter(tags__label="red").order_by("name").values_list("name", flat=True)))
    show("exclude", list(Product.objects.exclude(category__name="Tools").order_by("name")
                         .values_list("name", flat=True)))
    show("uuid", Product.objects.get(sku=uuid.UUID(int=3)).name)

    show("count", Product.objects.count())
    show("aggregate", Product.objects.aggregate(total=Sum("stock"), avg_price=Avg("price"), n=Count("id")))
    show("annotate", list(Category.objects.annotate(n=Count("products"), stock=Sum("products__stock"))
                          .order_by("name").values_list("name", "n", "stock")))
    show("annotate m2m", list(Tag.objects.annotate(n=Count("products")).filter(n__gt=0).order_by("-n", "label")
                              .values_list("label", "n")))
    show("values group", list(Product.objects.values("category__name").annotate(avg=Avg("price"))
                              .order_by("category__name")))
    show("exists", Product.objects.filter(stock=0).exists())
    show("distinct", list(Product.objects.filter(tags__isnull=False).values_list("category__name", flat=True)
                          .distinct().order_by("category__name")))

    show("select_related", [(p.name, p.category.name) for p in
                            Product.objects.select_related("category").order_by("name")])
    show("prefetch_related", [(c.name, [p.name for p in c.products.all()]) for c in
                              Category.objects.prefetch_related("products").order_by("name")])
    show("prefetch m2m", [(p.name, sorted(t.label for t in p.tags.all())) for p in
                          Product.objects.prefetch_related("tags").order_by("name")])
    show("reverse fk", [(r.product.name, r.rating) for r in Review.objects.select_related("product").order_by("id")])

    show("page 1", list(Product.objects.order_by("name").values_list("name", flat=True)[:2]))
    show("page 2", list(Product.objects.order_by("name").values_list("name", flat=True)[2:4]))
    show("first/last", (Product.objects.order_by("price").first().name, Product.objects.order_by("price").last().name))
    show("dates", [d.isoformat() for d in Product.objects.dates("created", "month")])
    show("datetimes", [d.isoformat() for d in Product.objects.datetimes("created", "day")])


def writes() -> None:
    show("update", Product.objects.filter(category__name="Tools").update(stock=F("stock") + 1))
    show("F price", Product.objects.filter(name="Hammer").update(price=F("price") * decimal.Decimal("1.10")))
    show("after F", list(Product.objects.order_by("name").values_list("name", "price", "stock")))
    product = Product.objects.get(name="Drill")
    product.stock = F("stock") - 2
    product.save()
    product.refresh_from_db()
    show("save F", product.stock)

    try:
        with transaction.atomic():
            Product.objects.filter(name="Rake").update(stock=100)
            raise RuntimeError("roll back")
    except RuntimeError:
        pass
    show("after rollback", Product.objects.get(name="Rake").stock)
    with transaction.atomic():
        Category.objects.create(name="Paint")
        try:
            with transaction.atomic():
                Category.objects.create(name="Tools")
        except IntegrityError as error:
            show("unique violation", type(error.__cause__).__name__)
    show("savepoint kept outer", Category.objects.filter(name="Paint").count())
    try:
        with transaction.atomic():
            Product.objects.create(category=Category.objects.get(name="Tools"), name="Hammer",
                                   price=decimal.Decimal("1"), created=datetime.datetime(2024, 1, 1, tzinfo=UTC),
                                   sku=uuid.UUID(int=99))
    except IntegrityError as error:
        show("unique_together violation", type(error.__cause__).__name__)

    try:
        with transaction.atomic():
            Review.objects.create(product=Product.objects.get(name="Hose"), rating=9, body="Too good")
    except IntegrityError as error:
        show("check violation", type(error.__cause__).__name__)

    tag, created = Tag.objects.get_or_create(label="red")
    show("get_or_create existing", (tag.label, created))
    tag, created = Tag.objects.get_or_create(label="green")
    show("get_or_create new", (tag.label, created))
    category, created = Category.objects.update_or_create(name="Kitchen", defaults={"active": False})
    show("update_or_create", (category.name, category.active, created))

    show("delete cascade", Category.objects.filter(name="Tools").delete())
    show("after delete", (Product.objects.count(), Review.objects.count(),
                          Product.tags.through.objects.count()))
    show("bulk_update", Product.objects.bulk_update(
        [Product(id=p.id, stock=p.stock * 2) for p in Product.objects.all()], ["stock"]))
    show("final", list(Product.objects.order_by("name").values_list("name", "stock")))


def schema_checks() -> None:
    # makemigrations --check exits non-zero when the models differ from the
    # migrations; with --dry-run it writes nothing.
    try:
        output = command("makemigrations", check=True, dry_run=True)
        show("makemigrations --check", output.strip())
    except SystemExit as exit_status:
        show("makemigrations --check exited", exit_status.code)
    show("second migrate", command("migrate").strip().splitlines())
    for line in command("inspectdb", "shop_category", "shop_product", "shop_review", "shop_tag",
                        "shop_product_tags").splitlines():
        print("inspectdb:", line)


def main() -> None:
    migrate()
    seed()
    queries()
    writes()
    schema_checks()


if __name__ == "__main__":
    main()
