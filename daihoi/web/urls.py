"""URLs of the application (Vietnamese paths: the people who type them read Vietnamese)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from daihoi.web.views import (
    attendance,
    certification,
    congress,
    differences,
    doors,
    elections,
    entry,
    lists,
    members,
    projector,
    register,
    results,
    scanning,
    setup,
    spot_checks,
)

urlpatterns = [
    path("", congress.home, name="home"),
    path("dang-nhap/", auth_views.LoginView.as_view(template_name="web/login.html"), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("dai-hoi/moi/", setup.congress_new, name="congress_new"),
    path("dai-hoi/<int:congress_id>/", congress.congress, name="congress"),
    path("dai-hoi/<int:congress_id>/dai-bieu/", register.register, name="register"),
    path(
        "dai-hoi/<int:congress_id>/dai-bieu/cach-bo-dau/",
        register.register_spelling,
        name="register_spelling",
    ),
    path(
        "dai-hoi/<int:congress_id>/dai-bieu/tai-len/",
        register.register_upload,
        name="register_upload",
    ),
    path(
        "dai-hoi/<int:congress_id>/dai-bieu/luu/",
        register.register_confirm,
        name="register_confirm",
    ),
    path(
        "dai-hoi/<int:congress_id>/dai-bieu/doc-lai/",
        register.register_reread,
        name="register_reread",
    ),
    path(
        "dai-hoi/mau-danh-sach-dai-bieu.xlsx",
        register.register_template_download,
        name="register_template",
    ),
    path("dai-hoi/<int:congress_id>/bau-cu-moi/", setup.election_new, name="election_new"),
    path(
        "bau-cu/<int:election_id>/danh-sach/",
        register.candidates_upload,
        name="candidates_upload",
    ),
    path(
        "bau-cu/<int:election_id>/danh-sach/luu/",
        register.candidates_confirm,
        name="candidates_confirm",
    ),
    path(
        "bau-cu/<int:election_id>/danh-sach/doc-lai/",
        register.candidates_reread,
        name="candidates_reread",
    ),
    path(
        "bau-cu/<int:election_id>/chi-dinh/",
        setup.election_appointed,
        name="election_appointed",
    ),
    path(
        "bau-cu/<int:election_id>/thong-qua-danh-sach/",
        lists.list_approval,
        name="list_approval",
    ),
    path("dai-hoi/<int:congress_id>/man-chieu/", congress.projector_link, name="projector_link"),
    path("dai-hoi/<int:congress_id>/nhat-ky/", congress.audit, name="audit"),
    path("dai-hoi/<int:congress_id>/thanh-vien/", members.members, name="members"),
    path(
        "bau-cu/<int:election_id>/to-nhap-phieu/",
        members.election_teams,
        name="election_teams",
    ),
    path(
        "bau-cu/<int:election_id>/to-kiem-phieu/",
        members.election_tables,
        name="election_tables",
    ),
    path(
        "bau-cu/<int:election_id>/to-kiem-phieu/chia-deu/",
        members.election_tables_split,
        name="election_tables_split",
    ),
    path("bau-cu/<int:election_id>/", elections.election, name="election"),
    path(
        "bau-cu/<int:election_id>/tien-do/", elections.election_progress, name="election_progress"
    ),
    path("bau-cu/<int:election_id>/mo/", elections.election_open, name="election_open"),
    path("bau-cu/<int:election_id>/so-lieu/", elections.election_figures, name="election_figures"),
    path(
        "bau-cu/<int:election_id>/giai-trinh/",
        elections.election_acknowledge,
        name="election_acknowledge",
    ),
    path("bau-cu/<int:election_id>/quyet-dinh/", elections.election_decide, name="election_decide"),
    path(
        "dai-hoi/<int:congress_id>/chinh-thuc/",
        congress.congress_official,
        name="congress_official",
    ),
    path("bau-cu/<int:election_id>/nhap-phieu/", entry.entry, name="entry"),
    path("bau-cu/<int:election_id>/khac-biet/", differences.differences, name="differences"),
    path("bau-cu/<int:election_id>/chung-nhan/", certification.certify, name="certify"),
    path("bau-cu/<int:election_id>/ket-qua/", results.result, name="result"),
    path("bau-cu/<int:election_id>/tep-bau-cu.json", results.election_file, name="election_file"),
    path("bau-cu/<int:election_id>/bien-ban.<str:kind>", results.minutes, name="minutes"),
    path("dai-hoi/<int:congress_id>/diem-danh/", doors.checkin, name="checkin"),
    path(
        "dai-hoi/<int:congress_id>/diem-danh/quet/",
        doors.checkin_scan,
        name="checkin_scan",
    ),
    path(
        "dai-hoi/<int:congress_id>/diem-danh/rut-vang-mat/",
        doors.checkin_withdraw_absence,
        name="checkin_withdraw_absence",
    ),
    path(
        "dai-hoi/<int:congress_id>/diem-danh/tim/",
        doors.checkin_search,
        name="checkin_search",
    ),
    path("dai-hoi/<int:congress_id>/co-mat/", attendance.attendance, name="attendance"),
    path(
        "dai-hoi/<int:congress_id>/vang-mat/",
        attendance.attendance_manage,
        name="attendance_manage",
    ),
    path("dai-hoi/<int:congress_id>/the-dai-bieu.pdf", attendance.badges, name="badges"),
    path(
        "dai-hoi/<int:congress_id>/tham-tra-tu-cach.<str:kind>",
        attendance.credentials,
        name="credentials",
    ),
    path("bau-cu/<int:election_id>/co-so/", attendance.election_base, name="election_base"),
    path("bau-cu/<int:election_id>/phieu-bau.pdf", scanning.ballot_papers, name="ballot_papers"),
    path("bau-cu/<int:election_id>/quet-phieu/", scanning.scan_upload, name="scan_upload"),
    path("bau-cu/<int:election_id>/phieu-can-xem/", scanning.scan_queue, name="scan_queue"),
    path(
        "bau-cu/<int:election_id>/kiem-tra-phieu-giay/", spot_checks.spot_check, name="spot_check"
    ),
    path("phieu-quet/<uuid:scanned_id>/", scanning.scan_review, name="scan_review"),
    path("phieu-quet/<uuid:scanned_id>/anh.jpg", scanning.scan_image, name="scan_image"),
    path(
        "phieu-quet/<uuid:scanned_id>/dong-<int:number>.png",
        scanning.scan_row,
        name="scan_row",
    ),
    path(
        "dai-hoi/<int:congress_id>/man-chieu/hien-thi/",
        projector.projector_choose,
        name="projector_choose",
    ),
    path("man-chieu/<str:token>/", projector.projector, name="projector"),
    path(
        "man-chieu/<str:token>/du-lieu.json",
        projector.projector_data,
        name="projector_data",
    ),
]
