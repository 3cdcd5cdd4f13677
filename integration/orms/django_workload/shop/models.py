"""The small shop app the Django workload migrates and queries: a foreign
key with cascade, a many-to-many, unique_together, an index, and the field
types an ordinary app uses (decimal, aware datetime, JSON, boolean, UUID)."""

import uuid

from django.db import models


class Category(models.Model):
    name = models.CharField(max_length=50, unique=True)
    active = models.BooleanField(default=True)
    slug = models.SlugField(max_length=60, default="none")

    class Meta:
        ordering = ["name"]


class Tag(models.Model):
    label = models.SlugField(max_length=40, unique=True)


class Product(models.Model):
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="products")
    sku = models.UUIDField(default=uuid.uuid4, unique=True)
    name = models.CharField(max_length=100)
    price = models.DecimalField(max_digits=10, decimal_places=2)
    stock = models.IntegerField(default=0)
    created = models.DateTimeField()
    attributes = models.JSONField(default=dict, blank=True)
    tags = models.ManyToManyField(Tag, related_name="products", blank=True)
    notes = models.TextField(null=True, blank=True)

    class Meta:
        unique_together = [("category", "name")]
        indexes = [models.Index(fields=["created", "price"], name="shop_product_created_price")]


class Review(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="reviews")
    rating = models.PositiveSmallIntegerField()
    body = models.CharField(max_length=200, db_index=True)
    approved = models.BooleanField(null=True)

    class Meta:
        constraints = [models.CheckConstraint(check=models.Q(rating__lte=5), name="shop_review_rating_max")]
