"""URLs of the application (Vietnamese paths: the people who type them read Vietnamese)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from daihoi.web import (
    attendance_views,
    list_views,
    member_views,
    projector_views,
    register_views,
    scan_views,
    setup_views,
    views,
)

urlpatterns = [
    path("", views.home, name="home"),
    path("dang-nhap/", auth_views.LoginView.as_view(template_name="web/login.html"), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("dai-hoi/moi/", setup_views.congress_new, name="congress_new"),
    path("dai-hoi/<int:congress_id>/", views.congress, name="congress"),
    path("dai-hoi/<int:congress_id>/dai-bieu/", register_views.register, name="register"),
    path(
        "dai-hoi/<int:congress_id>/dai-bieu/tai-len/",
        register_views.register_upload,
        name="register_upload",
    ),
    path(
        "dai-hoi/<int:congress_id>/dai-bieu/luu/",
        register_views.register_confirm,
        name="register_confirm",
    ),
    path(
        "dai-hoi/mau-danh-sach-dai-bieu.xlsx",
        register_views.register_template_download,
        name="register_template",
    ),
    path("dai-hoi/<int:congress_id>/bau-cu-moi/", setup_views.election_new, name="election_new"),
    path(
        "bau-cu/<int:election_id>/danh-sach/",
        register_views.candidates_upload,
        name="candidates_upload",
    ),
    path(
        "bau-cu/<int:election_id>/danh-sach/luu/",
        register_views.candidates_confirm,
        name="candidates_confirm",
    ),
    path(
        "bau-cu/<int:election_id>/chi-dinh/",
        setup_views.election_appointed,
        name="election_appointed",
    ),
    path(
        "bau-cu/<int:election_id>/thong-qua-danh-sach/",
        list_views.list_approval,
        name="list_approval",
    ),
    path("dai-hoi/<int:congress_id>/man-chieu/", views.projector_link, name="projector_link"),
    path("dai-hoi/<int:congress_id>/nhat-ky/", views.audit, name="audit"),
    path("dai-hoi/<int:congress_id>/thanh-vien/", member_views.members, name="members"),
    path(
        "bau-cu/<int:election_id>/to-nhap-phieu/",
        member_views.election_teams,
        name="election_teams",
    ),
    path("bau-cu/<int:election_id>/", views.election, name="election"),
    path("bau-cu/<int:election_id>/tien-do/", views.election_progress, name="election_progress"),
    path("bau-cu/<int:election_id>/mo/", views.election_open, name="election_open"),
    path("bau-cu/<int:election_id>/so-lieu/", views.election_figures, name="election_figures"),
    path(
        "bau-cu/<int:election_id>/giai-trinh/",
        views.election_acknowledge,
        name="election_acknowledge",
    ),
    path("bau-cu/<int:election_id>/quyet-dinh/", views.election_decide, name="election_decide"),
    path(
        "dai-hoi/<int:congress_id>/chinh-thuc/", views.congress_official, name="congress_official"
    ),
    path("bau-cu/<int:election_id>/nhap-phieu/", views.entry, name="entry"),
    path("bau-cu/<int:election_id>/khac-biet/", views.differences, name="differences"),
    path("bau-cu/<int:election_id>/chung-nhan/", views.certify, name="certify"),
    path("bau-cu/<int:election_id>/ket-qua/", views.result, name="result"),
    path("bau-cu/<int:election_id>/tep-bau-cu.json", views.election_file, name="election_file"),
    path("bau-cu/<int:election_id>/bien-ban.<str:kind>", views.minutes, name="minutes"),
    path("dai-hoi/<int:congress_id>/diem-danh/", attendance_views.checkin, name="checkin"),
    path(
        "dai-hoi/<int:congress_id>/diem-danh/quet/",
        attendance_views.checkin_scan,
        name="checkin_scan",
    ),
    path(
        "dai-hoi/<int:congress_id>/diem-danh/rut-vang-mat/",
        attendance_views.checkin_withdraw_absence,
        name="checkin_withdraw_absence",
    ),
    path(
        "dai-hoi/<int:congress_id>/diem-danh/tim/",
        attendance_views.checkin_search,
        name="checkin_search",
    ),
    path("dai-hoi/<int:congress_id>/co-mat/", attendance_views.attendance, name="attendance"),
    path(
        "dai-hoi/<int:congress_id>/vang-mat/",
        attendance_views.attendance_manage,
        name="attendance_manage",
    ),
    path("dai-hoi/<int:congress_id>/the-dai-bieu.pdf", attendance_views.badges, name="badges"),
    path(
        "dai-hoi/<int:congress_id>/tham-tra-tu-cach.<str:kind>",
        attendance_views.credentials,
        name="credentials",
    ),
    path("bau-cu/<int:election_id>/co-so/", attendance_views.election_base, name="election_base"),
    path("bau-cu/<int:election_id>/phieu-bau.pdf", scan_views.ballot_papers, name="ballot_papers"),
    path("bau-cu/<int:election_id>/quet-phieu/", scan_views.scan_upload, name="scan_upload"),
    path("bau-cu/<int:election_id>/phieu-can-xem/", scan_views.scan_queue, name="scan_queue"),
    path("phieu-quet/<uuid:scanned_id>/", scan_views.scan_review, name="scan_review"),
    path("phieu-quet/<uuid:scanned_id>/anh.jpg", scan_views.scan_image, name="scan_image"),
    path(
        "phieu-quet/<uuid:scanned_id>/dong-<int:number>.png",
        scan_views.scan_row,
        name="scan_row",
    ),
    path(
        "dai-hoi/<int:congress_id>/man-chieu/hien-thi/",
        projector_views.projector_choose,
        name="projector_choose",
    ),
    path("man-chieu/<str:token>/", projector_views.projector, name="projector"),
    path(
        "man-chieu/<str:token>/du-lieu.json",
        projector_views.projector_data,
        name="projector_data",
    ),
]
