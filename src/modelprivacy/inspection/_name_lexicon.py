"""Given names and family names for the person-name pattern of MP-S107.

Built once from the person-name lists of Faker 40.63 (https://github.com/joke2k/faker),
from the locales with Latin-script (or romanised) names:
az_AZ cs_CZ da_DK de_AT de_CH de_DE de_LI de_LU en en_GB en_IE en_IN en_KE en_NG en_NZ
en_PK en_TH en_US es_AR es_CA es_CL es_CO es_ES es_MX et_EE fi_FI fr_BE fr_CA fr_CH
fr_DZ fr_FR ga_IE ha_NG hr_HR hu_HU id_ID ig_NG is_IS it_IT ja_JP lt_LT lv_LV nl_BE
nl_NL no_NO pl_PL pt_BR pt_PT ro_RO sk_SK sl_SI sv_SE sw tr_TR tw_GH uz_UZ vi_VN yo_NG
zh_CN zh_TW zu_ZA.
Every word of every first name and of every last name, of two letters or more, folded
to lower-case ASCII letters as :func:`modelprivacy.inspection.names.fold` folds them
(accents dropped, dotless i as i, o with stroke as o, sharp s as ss ...), sorted. They
are used only to recognise that a stored string looks like a person's name. Faker's licence:

Copyright (c) 2012 Daniele Faraglia

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.

WORDS lists the given and family names above that are also ordinary English words
("rose", "baker", "green"), as found in lower case in the word list of Debian's
wamerican package 2020.12.07 (SCOWL, Spell Checker Oriented Word Lists, by Kevin
Atkinson). Its licence: Copyright 2000-2011 by Kevin Atkinson. Permission to use,
copy, modify, distribute and sell these word lists, the associated scripts, the output
created from the scripts, and its documentation for any purpose is hereby granted
without fee, provided that the above copyright notice appears in all copies and that
both that copyright notice and this permission notice appear in supporting
documentation. Kevin Atkinson makes no representations about the suitability of this
array for any purpose. It is provided "as is" without express or implied warranty.
"""

GIVEN = """
aaaqil aaban aabid aachal aada aadam aaden aadhya aadi aadil aafiya aage aagot aahana aahil aalam
aalee aalim aaliyah aamil aamir aamirah aanuoluwapo aapo aaqil aarav aarif aarini aariz aarna
aarnav aarne aaro aaron aarush aaryan aashi aashif aashir aasif aasim aatif aatiq aatos aaus aayan
aayush aazim ab aba abaan abagail abayomi abb abbas abbey abbi abbie abbigail abbos abbott abby
abdalla abdallah abdelatif abdelkader abdellah abderaouf abderrahmane abdi abdiel abdihakim
abdirahman abdis abdon abdu abduaziz abduboriy abdul abdulahat abdulbekir abdulcemal abdulgazi
abdulhadi abdulhamid abdulkadir abdulkerim abdullah abdullahi abdulloh abdulmenaf abdulsamed
abdulsemet abdumalik abdurahmon abdurrahman abdurresit abe abebi abednego abeer abeiku abel abela
abelardo abelone abena abeni abha abhimanyu abhiram abid abie abigael abigail abigaili abigale
abigayle abilio abina abiodun abiona abiye abjorn abner abosede abraham abram abril abror abubakar
abubakr abuzar abyasa acar acarkan ace acey achiel achieng achille achim achsah acie acikel acilay
aclan acy ada adaeze adah adak adal adalberg adalbergur adalbert adalberto adalbjorg adalbjorn
adalbjort adalborg adalborgar adaldis adalfridur adalgeir adalheidur adaline adalmundur adalradur
adalros adalsteina adalsteinn adalsteinunn adalveig adalyn adalynn adam adamaris adamo adams adan
adasal add adda addi addie addison addisyn addy addyson ade adebiyi adebowale adebukola adedayo
adedeji adekitan adekola adekunle adel adela adelaida adelaide adelard adelardo adelasia adelbert
adele adeleke adelgunde adelheid adelia adelin adelina adelinde adeline adell adella adelle adelmo
adelyn adelynn adem aden adenike adeniyi adeolu adeoti adepeju aderopo adesewa adeshina adesoji
adesua adetayo adetoke adetoun adeyi adhiarja adhra adi adia adiarja adiel adiela adigun adika
adikara adil adila adile adilene adimu adin adina adinata adis adison aditya adlai adlan adline
admir admiral adnan adolf adolfine adolfo adolfs adolph adolphe adolphus adomas adonis adora
adoracion adrain adria adriaan adrian adriana adriane adrianna adrianne adriano adriel adrien
adriene adrienn adrienne adrija adrijana adron adunni advaith advay advik advika adviye adweta
adwoa adya adyson aedan aedin aegileif aegir aengus aenne aesa aesgerdur aesir aevar aevarr afaq
afer aferdita afet affie afia afife afil afiq afolarin afonso afra africa afrim afruza aftin afton
afua aga agahadi agakisi agamali agamusa agapito agasefa agastya agata agatha agathe agaxan agbegim
agca agda age aggie aggrey agim agla aglaia agmur agnar agne agnea agnes agnesa agnese agness
agneta agnete agni agnieszka agnolo agnos agostina agostino agripina agris agron agueda agus agust
agusta agustin agustina agustus ah ahat ahmad ahmed ahmet ahsen ahter ahti aicha aida aidan aide
aideen aiden aidyn aiga aigars aija aijuka aiko aila ailbhe aileen ailene aili ailis ailish aimable
aime aimee aimo aina ainara ainars aine aino ainoa ainsley airi aisha aishani aishling aisling
aislinn aistis aisyah aitana aitor aivar aivaras aivars aiyana aiyanna aja ajala ajan ajani ajda
ajeng ajiman ajimat ajimin ajiono ajla ajna ajoke akalan akanmu akar akarsana akatay akay akbar
akbas akboga akcabay akcasu akcivan akdora akdurmus ake akeelah akeem akemi akgol akgunes aki akif
akife akinal akinkunmi akinlabi akinwale akinyi akira akise akkerman akmal akmaner akmaral akobir
akos akosua akoth akoz akram aksay aksel akseli akshay aksogut aksoy aktemur akua akumaa akumu
akver akwasi akwesi akyildiz al ala alaaddin alabama alabezek alade aladin aladino alaeddin alain
alaina alambana alamiro alamu alan alana alanalp alani alanis alanna alannah alanta alanzo alara
alastair alattin alaya alayna alaz alba alban albano albeiro alberico albert alberta alberte
albertha albertina albertine alberto alberts albertus albin albina albino albion albrecht albulena
alby alcan alcee alcide alcides alcie alcira alda aldair aldar aldemar alden alderano aldin aldis
aldny aldo aldona aldonza ale alea aleah alease alec alecia aleck aleen aleena aleida aleisha aleix
alejandra alejandrina alejandro alejo alek aleks aleksandar aleksander aleksandr aleksandra
aleksandras aleksandrs aleksanteri aleksei aleksej aleksi alemsah alen alena alene alenka aleodor
ales alesha alesia alessandra alessandro alessia alessio aleta aletha alethea aletta alex alexa
alexandar alexande alexander alexandr alexandra alexandre alexandrea alexandria alexandrie
alexandrina alexandro alexandros alexandru alexe alexei alexej alexi alexia alexina alexis alexius
alexus alexys alexzander alf alfa alfar alfdis alferd alfey alfgeir alfgerdur alfgrimur alfheidur
alfhildur alfie alfifa alfio alfons alfonse alfonsina alfonso alfonz alfonzo alford alfred alfreda
alfredo alfreds alfros alfrun alfsol alfthor alfur alger algernon algie algirdas algis algot ali
alia aliabbas aliana alica alice alicia alicja alida aliihsan alijah alika alin alina aline alinur
alirio aliro alis alisa alise aliseydi alisha alisik alison alissa alisson alistair alistar alister
alivia alix aliya aliyah aliye aliyu aliza alize alizee alja aljaz aljosa alka alkor alla
allahverdi allan allana allean alleen allegra allen allena allene alli allie alline allison
allisson ally allyn allyson allyssa alma almar almasi almast almaz almeda almedia almendra almer
almeta almina almir almira almon almond almudena almus almut almuth almyra alois aloisia alojz
alojzia alojzij alojzija aloma alondra alonso alonza alonzo aloys aloyse aloysius alparslan alpcan
alpha alpheus alphonce alphons alphonse alphonsine alphonso alphonsus alpin alpsu alrekur alrun
alsoy alston alta altha althea altie altin altinbike altincicek altinisin altinkaya alto altogan
alton altug alva alvah alvan alvar alvaro alve alveiro alvena alver alvera alverda alverta alvia
alvie alvilda alvin alvina alvine alvira alvis alvy alwilda alwin alwina alwine aly alya alyce
alycia alys alysa alyse alysha alysia alyson alyssa alyssia alyvia alzbeta alzina ama amac amada
amadea amadeo amadeus amado amador amahle amaia amaira amal amalia amalie amalija amancio amanda
amandine amando amani amar amara amarachi amare amari amarilis amarion amaris amaro amaru amasa
amaury amaya ambar amber amberly ambers ambre ambrose ambrosio ambroz amedeo amedeu amel amela
amelia amelie amelija america americo amerigo amey ami amiah amico amie amil amilcar amilia amin
amina aminatu amine amir amira amirah amit amiya amiyah amleto amma ammie ammon amoke amol amon
amondi among amope amor amos amparo amra amre amri amrita amruta amundi amy amy-lee amy-leigh amya
amza an ana anabel anabela anabella anabelle anacleto anaelle anahera anahi anahis anaida anais
analia anamaria anamika ananias anar anargul anaru anas anasa anastacia anastacio anastasia
anastasie anastasio anastasios anastatia anastazie anastazja anatol anatole anatoli anatolie
anatolij anay anaya anca ancel ancil ancizar ancuta anda andela anders anderson andic andile
andjela andjelina andon andor andra andrada andrae andras andre andrea andreas andree andreea
andrei andreia andrej andreja andrejka andrejs andrena andres andress andrew andrey andri andria
andrian andrija andrin andrina andris andrius andrus andrzej andwele andy ane anej anel anemona
anes aneta anete anett anetta anette anezka anfernee anfinn angalia angantyr angavu ange angel
angela angele angeles angelia angelic angelica angelika angelina angeline angelino angelique
angelita angella angelo anggabaya anghel anghelina angi angie angus anh ani anibal anica anice
anicet anie aniela anika aniko anina anirudh anis anisa anisoara anissa anita anitra aniya aniyah
anja anjali anjanette anjelica anjolaoluwa anka anke ankica anmol ann ann-britt ann-charlott
ann-charlotte ann-christin ann-christine ann-kathrin ann-kristin ann-louise ann-mari ann-marie
ann-sofi ann-sofie anna anna-karin anna-lena anna-liisa anna-lisa anna-luise anna-maria anna-marie
annabel annabell annabella annabelle annah annak annalena annaliese annalisa annalise annamae
annamaria annamarie annar annarr annas annastacia anne anne-catherine anne-francoise anne-kathrin
anne-katrin anne-laure anne-lise anne-marie anne-rose anne-sophie annedore annegret annegrete
annekatrin anneke annel anneleen annelene anneli annelie annelies anneliese annelise annelore
annemarie annemette annemie annemijn anner annerose annes annet annett annetta annette anney anni
annia annibale annica annice annick annie anniina annija annika annikki annina annis annita
annmarie annukka annunziata anny anom anon anona anoni anouk ansaldo ansel anselm anselma anselmo
ansgar ansh ansis ansley anson ansora anssi antal antanas ante antero anthoney anthony antim
antione antionette antje anto antoaneta antoin antoine antoinette anton antone antonela antonella
antonello antonetta antonette antoni antonia antonie antonieta antonietta antonija antonin antonina
antonino antonio antonios antoniu antonius antons antony antoon antra ants antti antun antwain
antwan antwon anu anunciacion anusha anuta anvar anvi anwar anya anyango anyelo anyi anze aodhan
aoibheann aoibhin aoibhinn aoife aongus apaydin apisara apolena apolinar apolline apollo apollonia
apolonia apostolos april aqil aquiles ara arabella araceli aracely aradhana arah aral araminta aran
aranka aranzazu aras arba arben arbey arbie arbjartur arbjorg arbjorn arbjort arbnor arcan arcelia
arch archer archibald archie arda ardath ardelia ardell ardella ardelle arden ardeth ardian ardis
ardit ardita ardith ardyce areli arelia arelius arely arent ares aretha arey arezki argeir argemiro
argie argils argono argu arham ari aria ariadna arian ariana ariane arianna arianne aribert aric
arie ariel ariela ariele ariella arielle arietta arif arifcan arife arija arijus arike ariki arikol
arild arilius arin arina arinbjorg arinbjorn arinola aripinar aris arisa arisara arisoy aristide
aristides aristita arius arizona arja arjun arkadiusz arkie arkut arla arlan arland arlaug arleen
arlen arlena arlene arlet arleth arletta arlette arley arlie arlin arlind arlinda arline arlington
arlis arlo arly arlyn arlyne armahan arman armand armandas armande armando armands armani armann
armas armelle armend armenia armey armida armin arminas arminda arminta armond armstead arna arnald
arnaldo arnaldur arnar arnas arnau arnaud arnaude arnav arnberg arnbergur arnbjorg arnbjorn arnborg
arnd arndis arndor arndt arne arnes arnett arnetta arney arnfinna arnfinnur arnfreyr arnfridur
arnfried arngeir arngerdur arngils arngrimur arngunnur arnheidur arnhildur arni arnie arnika arnim
arnina arnis arnkatla arnkell arnlaug arnlaugur arnleif arnleifur arnlin arnljot arnljotur arnmodur
arnmundur arno arnoddur arnold arnoldas arnoldo arnolds arnor arnora arnost arnros arnrun arnsteinn
arnthor arnthora arnthrudur arnulf arnulfo arnulfur arnvidur arny aroa aroha aron aronas arora
arpad arpag arra arran arrie arron arsael arsaell arsenie arsenio arsim arsipatra arsol art arta
artan artanto artawan artelia artemio artemisa arther arthor arthora arthur artie artis arto arttu
artturi artur arturas arturo arturs aru arun arunas arunima arusi arveig arvel arvid arvids arvil
arvilla arvin arvo arvok arvydas arya aryan aryana aryanna arziye arzu as asa asad asael asafe
asake asalet asali asani asanti asatira asberg asbergur asberry asbjorg asbjorn asborg asbury
ascension asdis asdrubal ase asef asfridur asgautur asgeir asger asgerdur asgils asgrimur asha
ashan ashanti ashby ashely asher ashildur ashlea ashlee ashleigh ashlene ashley ashli ashlie
ashling ashly ashlyn ashlynn ashton ashtyn asi asia asif asila asilbek asile asim asiman asir asiri
asirwada asirwanda askatla askell askja asko askur asla aslakur aslan aslanhan aslaug aslaugur
asleif aslijan asliye asma asmadi asman asmar asmianto asmini asmira asmundur asmuni asny asolfur
ason aspar aspen asrodur asros asrun assa assar assia assumpta assunta ast asta astbjorg astbjorn
astbjort astdis astfridur astgeir astgerdur astheidur asthildur asthor astmar astmundur aston
astradur astrid astride astridur astrikur astrit astros astrun astthor astthora astthrudur astvald
astvaldur astvar astveig astvin asu asuka asuncion asvaldur asvardur asvor aswani ataahua atabala
atagun atalay atalia atamoglan atanur atasagun atatore atena atenulf atfat atgun atha athanasios
atharv atheel athena athman athuman athumani ati atiena atieno atila atilgan atilhan atilio atinuke
atit atiyye atla atlanta atlas atli atma atmaja atnan atsushi attaf atte atticus attie attila
attilio attracta aubra aubree aubrey aubrie aud audbergur audbert audbjorg audbjorn audbjort auddis
aude audgeir audie audkell audley audlin audmundur audna audny audolfur audra audrey audriana
audrianna audrina audrius audrun audry audun audunn audur audy august augusta augustas auguste
augustin augustina augustine augusto augusts augustus aukusti aulikki aulis aune aunyaporn aura
auraq aurea aureja aurel aurelia aurelian aureliana aureliano aurelie aurelien aurelija aurelio
aurica aurilla aurimas aurora aurore aurthur ausma ausra ausrine austar austen austin austine
austmann austmar auston austra austri austyn auther author authur autry autumn ava avah avelino
averi averie averil avery avgust avi avie avis avni avon avram avril avsin avunc awadil awamil
awamiri awan awani awero awesi awhina awj awlya awmar awrad axel axelia axelle axelma axenia axinte
aya ayaan ayamin ayan ayana ayanna ayasun ayaydin aybeniz aybet aybora aycagul aycan aycicek aydan
aydar ayden aydin aydinbey aydinc ayduru ayelen ayesha aygonenc aygul aygun aygutalp ayhan ayinde
ayinke aykut aykutalp ayla ayleen aylil aylin aylla ayman aymen aymeric aynilhayat aynimah aynur
aynure ayodeji ayodele ayoka ayoub aypar aysan aysar ayse ayseana aysel aysema aysenur aysevim
aysoy aysu aysuna aytek aytekin ayten aytoz aytuna ayu ayub ayulker ayush ayushman ayvas ayyaruk
ayyubi azaan azad azade azahar azahara azalea azalee azaria azariah azban azeeb azeglio azeneth
azer azettin aziz aziza azize azizi azra azucena azul azuolas azzie baaba baahir baaizeed baaqee
baaqir baaree baashir baasim baasit baba babar babasola babatunji babawale babe baber babett
babette baby babyboy baccio bachittar badawi badegul badr baering baeringur baeron bagas bagdas
bagdat baghyawati bagiya bagus bagya baha bahaa bahaddin bahadir bahadurjit bahari bahati bahittin
bahiy bahtinur bahuraksa bahuwarna bahuwirya baiba bailee bailey bailie bairbel bairbre bairon
bajragin bajram bakari bakda baker bakhshi baki bakiadi bakianto bakidin bakijan bakiman bakiono
bakti baktiadi baktianto baktiono bala balamantri balangga balapati balatekin balaxanim balazs
balca baldassare baldey baldomero baldrun balduino baldur baldvin baldvina baldwin bale baleegh
balendra balhaar bali balidin balijan balinda balint baljiwan ballard balli baltas baltasar
baltazar balthasar balvan balveer balz bama bambad bambang bambi banara banawa banawi bancar
bandile banel banjeet banks banu bao baptist baptiste baqar baqir bara barak baraka barasa barb
barbara barbel barbie barbora barbra barbro barbu bardi bardur barica baris bariscan barkha barna
barnabas barnard barnett barney barnie baron barr barraq barrett barri barrie barron barry barsen
bart bartek bartholomaus bartholomew bartley bartolome bartolomej bartolomeo bartolomeu barton bas
basaam basarab basay bascom baseer basel basem bashaar bashaarat bashan bashar basharat basheer
basheerah bashkim basil basile basilio basim basir basok basriye bassam bassi bastiaan bastian
bastien batal batirhan batool baturay baudelio baudouin baugur bautista baxter bayard baydu baykan
baylee baylie bayman bayram bayron bayruhan baytal bayzettin bazam bea beadie beat beata beate
beatrice beatrijs beatrix beatriz beau beauden beaulah bebba bebe beckett beckham beckie becky beda
bedford bedi bediriye bedri bedrich bee beecher begga begim begona behbud behiza behlul behram
behrem behruz beinir beinteinn beitir bekan bekbay bekim bekir bektasi bela belarmino belen
belgizar belia belinda belisario belkize bell bella belle bellisan bello belo belton belva ben bena
benadik benard benas bence bendeguz benedek benedetto benedict benedicte benedicto benedikt
benedikta benedikte benedita benek bengibay bengt bengta beni benia beniamin benice benicio
benidikt benidikta benigna benigno benita benito benjaman benjamen benjamim benjamin benjamine
benji benjiman benjman benn benna bennett benney bennie benno benny benoit benol benone benoni
benony benovse benson bent benta bente bentey benthe bentina bentley bento benton benvenuto beppe
bera berat beray berdie beren berend berends berengere berenice berent berezat berg bergdis bergen
bergey bergfinnur bergfridur bergheidur berghildur berghreinn bergjon berglaug berglin berglind
bergljot bergmann bergmannia bergmar bergmundur bergny bergran bergrin bergros bergrun bergsteinn
bergsveinn bergthor bergthora bergur bergvin berit beriye berkal berki berkley berksay berlin
bernabe bernadett bernadette bernadine bernard bernarda bernardine bernardino bernardita bernardo
bernd bernd-dieter berndt berneice bernetta bernfried bernhard bernhardine bernhardur berni bernice
bernie berniece bernita bernodia bernodus bernt bernward berra berran berrin berry bersi bert berta
bertalan bertel bertha berthe berthold bertie bertil bertina berto bertold berton bertram bertrand
bertulis beryl besart besarta besey beshte besim besin besir besnik bess besse bessi bessie beste
bestla beta betania beth betha bethan bethann bethany bethel bethzy betina betsey betsy bett bette
betti bettie bettina betty bettye bettyjane bettylou betuel beula beulah bev bevan beverlee
beverley beverly beyda beyhatun beyler beyonce beyzade bezek bhanumati bhavani bhavika bhavini
bhavna bhavya bhekani bhekisisa bhekizizwe bhekokwakhe biagio bianca bianka bibi bibiana bibisora
bibuwa bican bidayet biddie bieke biel bienvenida bil bilaal bilal bilay bilender bilgen bilginur
bilgutay bilha biljana bilkay bilkisu bill billie billie-jo billy billye bilol biltas bimala bina
binay binbasar binisik birben bird birdella birdie birger birgid birgir birgit birgitt birgitta
birgitte birgul birkir birna birnir birousk birsan birsen birt birta birte birtha birthe birtie
birtingur birtir birtna biruta bisar biserka bishakha bishop bitten bitul bizhan bjargar bjargdis
bjargey bjargheidur bjarghildur bjarglind bjargmundur bjargthor bjarkan bjarkar bjarkey bjarki
bjarklind bjarma bjarmar bjarmi bjarnar bjarndis bjarne bjarney bjarnfinnur bjarnfredur bjarnfridur
bjarngerdur bjarnhardur bjarnhedinn bjarnheidur bjarnhildur bjarni bjarnlaug bjarnlaugur
bjarnleifur bjarnolfur bjarnrun bjarnsteinn bjarnthor bjarnthora bjarnthrudur bjarnveig bjarny
bjartey bjartmann bjartmar bjartmey bjartthor bjartur bjolan bjolfur bjorg bjorgey bjorgheidur
bjorghildur bjorgmundur bjorgolfur bjorgulfur bjorgvin bjork bjorn bjorney bjornfridur bjornolfur
bjort bladimir blaedis blaengur blaer blaevar blaey blahoslav blain blaine blair blaise blake
blanaid blanca blanch blanchard blanche blanchie blandine blanduzia blane blanka blas blathnaid
blaz blaze blazej blazena blerim blerina blerta blessing blida blin bliss blomey blossom bluette
bluford bo boas boaz bob boban bobba bobbi bobbie bobby bobbye bobur bode bodhi bodi bodil bodo
bodvar boe boel boga bogatimur bogdan bogdana bogdis bogey bogga boghildur bogi boglarka bogomir
bohdan bohdana bohumil bohumila bohumir bohus bohuslav bohuslava boi bojan boje bolatito bolden
boleslav bolli boluwatife boma bonface bonifac boniface bonifacio bonita bonnie bonny bonu booker
boone borahan boratas borbala borg borgar borgdis borge borghildur borgny borgrun borgthor
borgthora borgulfur boris borivoj borja borje borkur borris bortecin borut borys bose bosibori boss
bostjan boston bot bothildur botnia botolfur botond bouchra bowman boyce boyd boynak boysie bozbag
bozena bozerk bozica bozidara bozo boztas bra brad braden bradford bradley bradly bradut brady
bradyn braeden braedon braelyn braga braghildur bragi brahim braiden brain brak bram bramwel branch
brandan branddis brande brandee branden brandi brandie brandin brandon brandt brandur brandusa
brandy brandyn branislav branislava branka branko brannon branson brant brantley braulio bravin
braxton brayan brayden braydon braylen braylon brea breana breandan breann breanna breanne brecht
breda bree breeda breege breffni breki brencis brenda brendah brendan brenden brendon brenna
brennan brennen brennon breno brent brenton breonna bresi brestir bret bretislav brett bria brian
briana brianda brianna brianne brice brid bridger bridget bridgett bridgette bridgit bridie briek
brielle brien briet brieuc briget brigette brighid brigid brigida brigita brigitta brigitte brijesh
briley brilyant brimar brimdis brimhildur brimi brimir brimrun brinda brinley brion brionna brisa
bristol brit brita britany britney britni britny britt britt-mari britt-marie britta brittaney
brittani brittanie brittany brittnay brittnee brittney brittni brittnie brittny britton brjann
brock broddi broderick brodie brody brogan brona bronach bronagh bronislava bronson bronwen bronwyn
brook brooke brooklyn brooklynn brooks bror brown bruce bruna brunhild brunhilde bruni brunilda
bruno bryan bryana bryanna bryant bryce brycen brylee bryn bryndis brynfridur bryngeir bryngerdur
brynheidur brynhildur brynja brynjar brynjolfur brynjulfur brynlee brynleifur brynn brynny
brynsteinn brynthor bryntyr bryon bryony bryson bryton buck bucur bud budd buddie buddy budi buel
buelah buell buena buenaventura buffy buford buget buhari bui bujar bukurije bula bulah bulunc buna
bunk bunmi bunyamun buraid burak burakhan burc burckhard burcuhan burdette buren bureyre burgess
burghard buri burim burk burkard burke burkhard burkhardt burkney burkni burl burleigh burley
burnell burnett burney burnice burnie burns burr burrel burrell burt burton busara bush busisiwe
busra busranur buster butch butler buyrukhan bylgja bynum byrd byrdie byron bystrik cabbar cabir
cacilia cacilie caddie cade caden cadence cael caesar caetana caga cagak cagdan cager caglar
caglasin cagveren cahal cahan cahangir cahir cahya cahyadi cahyanto cahyo cahyono caiden cailin
cailum cailyn cain caio cait caitlin caitlyn caitlynn caitriona caius cajsa cakar caket cakirca
cakrabirawa cakrabuana cakrajiya cakrawala cakrawangsa cal calcedonio caldonia cale caleb calebe
caleigh calhoun cali calim calin calista calisto calixta calixto calla callan calleigh callie
callum calogero calti calum calvin calvince cam cambria camden camelia cameron cami camil camila
camilla camille camillo camillus camilo camisha cammie camok campbell campo camren camron camryn
can canal canan canberk candace candela candelaria candelario candelas candeniz candi candice
candida candido candis candra candrakanta candy candyce canfeza cangur canice cannie cannon cannur
canseven cansin cantemir cantez canur canyon caoilfhionn caoimhe caoimhin caolain caolan caomhan
cap capa capitola capkan cappie caprice captain capucine cara caragh caraka caren carey cari
caridad carie carin carina carine carisa carissa carita carl carl-heinz carl-johan carla carlee
carleen carleigh carlene carleton carley carli carlie carlijn carlisle carlito carlo carlos carlota
carlotta carlton carly carlyle carlyn carma carmel carmela carmelita carmella carmelo carmen
carmenza carmina carmine carminho carnell caro carol carola carolann carole carolee carolien
carolin carolina caroline carolyn carolyne carolynn caron carra carren carri carrie carrol carroll
carry carsen carson carsten carter carub cary caryl caryn cas casandra case casemiro casen casey
cash casian casiana casie casimer casimir casimiro cason caspar casper cass cassandra cassidy
cassie cassius cassondra caswell cataleya catalin catalina catarina caterina cathal catharina
catharine catherina catherine catheriona cathern cathey cathi cathie cathleen cathrin cathrina
cathrine cathriona cathryn cathy catia catina catinca cato catrin catrina catrine catrinel catriona
catur caturangga caua caue cavad cavid cavit cavuldur cawisadi cawisono cawuk cayadi cayden
caydence cayetana cayetano cayla caylee cazimir ceara ceasar cebesoy cebrian cecelia cecep cecil
cecile cecilia cecilie cecilija cecilio cecille cecily cedide cedric cedrick cedrin ceferino ceil
celal celem celena celene celesta celeste celestia celestin celestina celestine celestino celia
celie celikkan celikyurek celil celilay celina celinda celine celso cem cemal cemale cemalettin
cemani cemeti cemil cemile cemiyle cemplunk cena cenan cengiz cengkal cengkir centa centrine ceola
cephus cerasela cerci cercis cesar cesare cetin cetinsu cevale cevheri cevikoz cevregul ceyhun
ceyhune ceyla ceylin ceylon ceyran cezar cezara cezary cezayir chaaya chabane chace chad chadd
chadrick chadwick chaifah chaim chaitaly chaitanya chaiwut chaka chakradev chakradhar chakrika
chalisa chalmer chalmers chamali chaman chameli champ champak chana chanakya chance chancey
chanchal chancy chanda chandani chandler chandra chandran chandresh chanel chanelle chaney chanez
changaz chanie chanikan chaniya channie channing chantal chante chantel chantelle chanya chao
charan charis charissa charisse charita charity charla charle charlee charleen charlene charles
charlesh charley charlie charline charlize charlott charlotta charlotte charlottie charls charlsie
charlton charly charmaine charo charolette charos charvi chas chase chashida chasity chasmum
chastity chatresh chatura chau chauncey chauncy chausiki chavvi chawin chawish chaya chayanin
chayapat chaz che che-wei chebet chege chelangat chelo chelsea chelsey chelsi chelsie chelsy chema
chen-jui cheng-en cheng-han cheng-hsiung cheng-hung cheng-i chepkemoi chepkoech chepkorir cher
cheragh cherelle cheri cherie cherif cherilyn cherise cherish cherith cherotich cherrelle cherri
cherrie cherry cherryl cheruiyot cheryl cheryle cheryll chesley chessie chester chestina chet
cheusi cheyanne cheyenne chi chia-hao chia-hung chia-jung chia-ling chia-ming chia-wei chia-ying
chiamaka chiara chibuzo chidimma chien-cheng chien-chih chien-chung chien-hsing chien-hua
chien-hung chien-liang chien-ming chigozie chih-cheng chih-chiang chih-chung chih-hao chih-hsien
chih-hsiung chih-hung chih-ming chih-wei chih-wen chih-yuan chijioke chimere chin chin-fa chin-feng
chin-hsing chin-lien chin-lung chin-tsai china chinedu chinelo ching-i chinyere chip chipukizi
chiquita chiraz chita chiu-hsiang chiu-yueh chiyo chizoba chloe chloie chris chrissie chrissy
christ christa christa-maria christabel christal christeen christel christelle christen christena
christene christer christi christiaan christian christiana christiane christianne christie christin
christina christine christion christl christof christofer christoffer christop christoper christoph
christophe christopher christos christy chrystal chucho chuck chuki chukwudi chukwuemeka chun-chieh
chun-hao chun-hsien chun-hsiung chun-hung chun-liang chun-mei chun-ming chun-nan chun-ting chun-yu
chus chuy chyna chynna cian cianan ciaobella ciara ciaran ciarra ciarrai cicek cicely cicero cici
cidal cielo ciera cierra cihan cihandide ciji cilga cilla cilli cillian cilly cimnaz cinare cinda
cindi cindoruk cindy cinerk cingiz cinnamon cinta cinthia cinthya cintia cinzia ciprian cipriana
cipriano ciriaco ciril cirillo cirino cirkeline ciro cisem citlali citlalli citra civgin claas
clabe claes claiborne clair claire claire-lise clara clarabelle clarance clare clarence claribel
clarice clarinda clarine clarisa clarissa clarisse clark clarke clarnce clas classie claud claude
claudette claudia claudie claudina claudine claudio claudiu claudius claudy claus claus-dieter
claus-peter clavs clay clayton clearence cleave cleda clelia clell clella clem clemence clemencia
clemens clement clemente clementina clementine clemie clemma clemmie clemon cleo cleola cleon
cleone cleopatra cleophas cleora cleta cleto cletus cleva cleve cleveland clevie clide cliff
cliffie clifford clifton climaco clint clinton cliodhna cliona clive clodagh clodomiro cloe clora
clorinda clothilde clotilda clotilde clovis cloyd clyda clyde clydie clytie coby codey codi codie
codin codrin codrina codrut codruta cody coen cogay cohen cokan colbert colby cole coleen coleman
coleton coletta colette coley colie colin coline colins colleen collette collie collier collin
collince collins collis colm colman colomba colon colonel colpan colt colten colter colton coluccio
colum columba columbia columbus colvin come comfort commodore con conal conall conan conard
concepcion concepta concetta concha conchita conchur conleth conley conn connell conner connie
connor conny conor conrad conradin conrado consolata constanca constance constant constanta
constantin constantina constantine constantino constanza constanze consuela consuelo contina conway
coolidge cooper copur cora coraima coral coralia coralie coraline corbett corbin cord corda cordaro
cordelia cordell cordella cordero cordia cordie cordula corean corene corentin coretta corey cori
corie corina corine corinna corinne coriolano corliss cormac cormack corneille cornel cornelia
cornelio cornelious cornelis corneliu cornelius cornell cornie corona corrado corrie corrina
corrine corry corsin cortez cortney corvin corwin cory cosima cosimo coskun cosmas cosme cosmin
cosmina cosmo cosqun costache costantino costanzo costel costin coty council courteney courtland
courtney coy craig crawford creed crenguta creola crescencia cressie crete crin crina cris crissie
crissy crista cristal cristea cristen cristhian cristhofer cristi cristian cristiana cristiano
cristin cristina cristine cristobal cristofer cristofor cristopher cristy crockett cruz crysta
crystal csaba csilla csongor ctibor ctirad cuba cuheyna cullen cuman cumsud cuneyit curdin curley
curro curt curtis curtiss custodia custodio cvetka cvetko cydney cyndi cyntha cynthia cyprian
cyriel cyril cyrill cyrille cyrus czeslaw daamin daan daanish daanyaal daawood dabbah dabir dabney
dace dacian daciana dacin dadap dadas dadey dadi dadina daeja dafina dafne dag dagbjartur dagbjorg
dagbjort dagel dagfari dagfinnur dagfridur daggeir daggros dagheidur daghfal dagistan dagmann
dagmar dagmara dagmey dagny dagnyr dagobert dagoberto dagrun dagthor dagur dahiana dahlia dai
daiana daiga daija daijah daina dainess dainis dainius daire dairine dairo daisey daisha daisie
daisy daisye daiyaan daja dajana dakhil dakoda dakota dakotah daksh daksha dakshesh dalaja dalan
dalbert dalbir daldis dale daler daley dalia dalibor dalila dalili dalima daliman dalimin daliono
dalkilic dalla dallas dalli dallilja dallin dalmann dalmar dalmas dalros dalton dalvin damar
damarcus damari damarion damaris dameer dameon damian damiano damien damienne damife damijan damini
damion damir damjan damjana damlanur damon damond damu damurah damyanti dan dana danae danang
dancan dancun dandre dane daneen danelius danelle danette daney danfridur dangelo danheidur
danhildur dani dania danial danica daniel daniela daniele danielius daniella danielle daniels
danijel danijela danika danilo danique danis danish daniswara danita danitza danival danjuma dann
danna dannie danniel dannielle danny danson dante danu danuja danuse danuta dany danyel danyell
danyelle daphne daquan dara daragh darain darby darci darcie darcy dardan darell daren daria darian
dariana dariati darien darija darijan darika darimin darin darina darinka dario darion daris darius
dariusz darja darko darl darla darleen darlene darline darling darlyne darmaji darman darmana
darmanto darnell darold daron darpan darragh darran darrel darrell darren darri darrian darrick
darrien darrin darrion darrius darron darry darryl darryle darryll darryn darsh darsirah darta
dartono daru daruna darvin darwin darwyn dary daryani daryl daryle daryn dasa dashawn dasia
dastageer daud daudi daulton daunte davante dave davey davi davian david davida davide davie davin
davina davion davis davnet davon davonta davonte davor davorin davy dawid dawn dawna dawne dawson
dawud dax daxton dayamai dayami dayana dayanara dayar dayita dayle dayna dayne dayse dayton dayyaan
deacon deaglan dean deana deandra deandre deane deangelo deann deanna deanne deante dearbhail
dearbhaile dearbhla deasia deb debbi debbie debbra debby debera debi debora deborah deborrah debra
debrah debroah decebal declan dedra dedric dedrick dee deeann deedee deegan deena deepa deetta
deforest deger degmeer deha deiby deicy deidra deidre deion deirbhile deirdre deisy deividas deja
dejah dejan dejon dejuan del delaney delano delbert delcie delfin delfina delfino delia deliah
delil delila delilah delina delinda delisa dell della dellar delle dellia dellie delma delmar
delmas delmer delmus delois delora delores deloris delos delpha delphia delphin delphine delsie
delta delton delvin delwin dema demarco demarcus demario demarion demeter demetra demetri demetria
demetric demetrio demetrios demetrius demi demi-lee demi-leigh demian demilade demirbuken demiriz
demirok demiryurek demond demonte dempsey demus dena dendy deneen denes denese denice deniel deniis
denine denis denisa denise denisha denisse denita deniz denizalp denkel dennie dennis denny denton
denver denzel denzell denzil deon deondre deonta deontae deonte dequan derald dereck derek dereon
deric derick derik derkay derl derly dermot dermott deron derrek derrell derrick derval dervilla
dervla derwin derya deryanur deryl desean deshaun deshawn desi desiderio desirae desire desiree
desmond despina dessa dessie destany destin destinee destiney destini destiny destry detlef detlev
dev devan devansh devante devaughn deven devi devika devin deviner devon devonta devontae devonte
devyn deward dewayne dewey dewi dewitt dex dexter deyanira dezider dezso dezzie dhriti dhruv dia
diah diallo diamond dian diana dianah diandra diane diann dianna dianne diar diarmaid diarmuid
dicie dick dickie dickson dicy dida didda didier didina didrik diederik diedrich diego dierk dieter
diethard diethelm diether dietlind dietlinde dietmar dietrich digdaya digna dijana dijon diken
dilan dilara dilare dilaver dilcan dilder dildora dilfeza dilhus dilja dillan dillard dillie
dillion dillon dilnoz dilnur dilsad dilsat dilsitan dima dimas dimaz dimitri dimitrina dimitrios
dimmbla dimmey dimple dina dinah dincer dinckol dincsu dinda dinis dink dino dinu diogo diomedes
dion dione dionicio dionigi dionisia dionisio dionne dionte dionyz dipa dipta dirican dirja dirk
dirlik dis disa disella dismas dita ditmar ditte dittmar divan divya dixie dixon diya diyor diyora
djamel djuana djuna dmitri doa dobromila dobroslav dobroslava doc dochia docia dock doctor dodo
dofri dogan doganalp dogannur dogansah dogg doguhan dogun doina dola dolensoy doll dolli dollie
dolly dollye dolores doloris dolph dolphine dolphus dolun dom domagoj domald domaldi domaldur
domantas domas domen domenic domenica domenick domenico domhildur domhnall dominga domingo domingos
dominic dominick dominik dominika dominique dominque dominyka dominykas domitila domnica domonique
don dona donaciano donagh donal donald donaldur donat donata donatas donatella donatello donato
donavan donavon dondre donell doner donia donie donita doniyor donmez donn donna donnacha donncha
donnell donnie donny dono donough donovan donta dontae donte dor dora doralisa dorathea dorathy
dorcas dorcus doreen dorel dorene doretha doretta dorey dori dorian doriana dorien dorin dorina
dorinda dorine dorinel doris dorit dorita dorla dorle dorli dorman dorota dorotea doroteja dorotha
dorothe dorothea dorothee dorothy dorottya dorr dorris dorsey dorte dortha dorthe dorthea dorthey
dorthy doru dorukhan dosha doshia doshie dosia dosotheus doss dossie dot dottie dotty doug douglas
douglass dounia dove dovie dovile dovud dovydas dow doyinsola doyle dozier draga dragan dragana
dragica drago dragos dragutin drahomir drahomira drahoslav drahoslava drajat drake drauma draumey
draupnir draven drazen dreki drema drengur drew dries drifa drilon drita driton drofn droplaug
drott drucilla drury drusilla dua duane duard duarte duban ducu dudley dufa duff dufgus dufthakur
dugfus duha dui duilio duje duke dulce dulcie duma dumisani dumisile dumitra dumitrana dumitru duna
duncan dundaralp dung dunia dunja dunn dunya dunyamali dunyo duong durab duracan durante durdali
durdane durdica durdona durell durgadin durmusali durna durnise duro durodola durrell durrusehvar
dursadiye dursun duruk duruoz durward durwood dusan dusanka dustan dustin dusty dustyn duuk duvan
duwayne duyen duyguhan dvalinn dwain dwaine dwan dwane dwayne dwi dwight dwyane dyan dylan dylano
dyllan dylon dymphna dympna dyrborg dyrfinna dyri dyrleif dyrley dyrmundur dyrunn dzidra dzintars
dzintra eadaoin eakumbu eamon eamonn ean eanna earl earle earlean earlene earley earlie earline
early earnest earnestine eartha easter easton eathel eavan eba ebb ebba ebbe ebbi ebbie ebdul eben
ebeneser ebenezer eber eberg eberhard eberhardt ebert eboni ebonney ebony ebuakil ebuka ecaterina
ecebnaz ecegul ecemis echo eckard eckart eckehard eckhard eckhardt eckhart ecrin ed eda edalet
edaviye edd edda eddah eddie eddy edel edelbert edelgard edelmira edelmiro edeltraud edeltraut
edeltrud eden eder edgar edgaras edgard edgardo edgars edgubay edhitha edi edibe edie edier edil
edilberto edilma edilon edilson edin edina edinah edinson edison edisson edit edita edite edith
editha edla edmon edmond edmonia edmund edmundo edmunds edna ednah edoardo edon edona edouard edra
edrie edris edsel edson edu eduar eduard eduarda eduardo eduards edvald edvar edvard edvardas edvin
edvinas edvins edw edwar edward edwardo edwin edwina edyth edythe eelis eemeli eemil eerik eero
eesaa eesha eetu eeva efe efemia effa effie efil eflatun efraim efrain efrem efren efser eftimia
eftimie ega egbert egedia egenur eggert eggrun eggthor egidijus egil egill egils egla egle egon
egzon egzona ehan ehed ehliman ehmed ehrenfried ehrentraud ehrhard ehsaas ehsan eidar eider eidny
eidunn eidur eidvile eija eijaz eik eikar eila eileen eilifur eilis eilish eimantas eimear eimer
eimhear einar einari einbjorg eindis einer einey einfridur einhildur einina einir eino einrun
einthor einvardur eir eira eiravati eirdis eirfinna eirik eirika eirikur eirny eirun eitel eithan
eithel eithne eivin eivind eivor eja ejaz ejder ejlaal eka ekaja ekalinga ekani ekansh ekanta
ekantika ekapad ekaraj ekaterina ekavir ekbal ekber ekene ekiya ekkehard ekkehart ekmel eko ekow
ekrem ekta ekundayo ekundu el el-amin ela eladio elaf elaina elaine elam elamiye elana elariz
elayne elba elberg elbert elberta elbridge elby elcin elcira elcy elda eldar eldbjorg elden eldeniz
elder eldey eldgrimur eldjarn eldlilja eldmar eldon eldor eldora eldred eldridge eldrun eldur elea
eleanor eleanora eleanore elease eleazar electa eleina elekber elektra elemer elena elenborg eleni
elenor elenora elenore elentinus eleodoro eleonor eleonora eleonore elesger eleuterio elex elfa
elfar elfi elfida elfie elfradur elfreda elfrieda elfriede elfur elgie elgin elgun elhan eli elia
eliabeth eliakimu elian eliana eliane elianna elias elick elida elie eliecer eliekrem elien elieser
eliette eliezer elif elifnur eliga eligah elige eligia eligio elihu eliisa elijah elimar elin elina
elinbergur elinbet elinbjorg elinbjort elinborg elindis eline elingunnur elinheidur elinmundur
elinor elinore elinros elio eliona eliot eliott eliros elis elisa elisabet elisabeta elisabete
elisabeth elisabetha elisabetta elisaveta elise eliseo elisha eliska elissa elita eliud eliza
elizabet elizabeta elizabete elizabeth elizah elizbeth elize elizebeth elka elkana elke elkin ell
ella elladio ellamae ellar elle ellen eller ellert ellery elley elli elliana ellidi ellie ellin
ellinor elliot elliott ellis ellisif ellison ellsworth ellwood elly ellyn elma elman elmar elmars
elmeddin elmer elmeri elmidar elmina elmir elmira elmire elmo elmore elmyra elna elnare elnora
elnur elnure eloa eloah elodia elodie elof eloi elois eloisa eloise elon elona elonzo elosy elouise
elove eloy elphas elpidio elroy els elsa elsabet elsad elsbeth else elsebeth elsen elsever elsi
elsie elsworth elsy elta elton elturan eluh elva elvan elvana elvar elver elvera elvi elvia elvie
elvin elvina elvira elvire elvis elvy elwanda elwin elwira elwood elwyn elxan ely elyas elyse
elyssa elza elzada elzbieta elzie elzy ema emal emaline eman emanoil emanuel emanuela emanuele
emanuella emanuelly emanuil emas ember embla embrek embuh emeka emelia emeliana emelie emelina
emeline emely emelyne emer emerald emeralda emerson emery emese emett emiel emigdio emil emilce
emile emilee emilia emilian emiliana emilianna emiliano emilie emilien emilija emilio emilis emilly
emils emilse emily emin emina emine emir emiro emirsan emis emit emma emma-louise emmaculate emmah
emmalee emmaline emmanuel emmanuelle emmer emmerich emmet emmett emmi emmie emmit emmitt emmons
emmy emogene emong emory emperatriz empluk emran emre emrullah emry emy en-sho ena enar encarna
encarnacion encarnita enda endah endra endre endrit ene enea eneka enes enfes engelbert engilbert
engilbjartur engilbjort engiljon engill engilrad engilros engin enginiz engla enid enika eniko
eniola enis enith enja enna ennio ennis enno enoch enock enok enola enos enrico enrika enrique
enriqueta ensar ensari ensio enteng entiqe enver enya enzi enzio enzo eoghan eoin eola eowyn
ephantus ephraim ephram ephriam epifanio eppie epsie era eral eraldo erasmo erasmus erastus eraycan
erbay erbil erby ercan ercihan erdal erdemer erdibay erdmute erdogan erdursun erem eremia eren
erenalp erensoy eres ergener erginel ergonul ergul ergun erhard erhardt eric erica erich erick
ericka erie erik erika erikas eriks erin erina erincer erion eris erkan erkilic erkinel erkki
erksoy erla erland erlar erle erlen erlendur erlene erlin erlinda erline erling erlingur erma
ermanis ermanno ermenegildo ermes ermina ermine ermutlu erna ernest ernestas ernestina ernestine
ernesto ernests ernie ernir erno ernst ernst-august ernst-dieter ernst-otto erny erogul erol eron
eroz erpur errol ersat ersec ersel ertan erten ertogrul ertun ertuncay erva ervaniye ervin erving
erwan erwin eryildiz eryk erykah eryn erzsebet esa esau esben esco esekiel esenbay esengun esenturk
esequiel esfandyar esger eshan eshana esi esila esim esja esjar esker eskil eskinalp esko eslemnur
esley esma esmanperi esmarelda esmee esmer esmeralda esmira esna esneider esparta espartaco espen
esperanza espiridion esra esref essa essence essex essi essie esta esteban estefan estefani
estefania estefany estel estela estell estella estelle ester estera esteri estes estevan esther
estiawan estie estill estiono estiva estiven eston estrella esupofo eszter eta etela etelka
etelvina etha ethan ethel ethelbert ethelene ethelyn ethen ether ethie ethna ethne ethyl ethyle
etibar etienne etiqad etizaaz etna etta etter ettie ettore euan eudora eufemia eufrosina eugen
eugene eugenia eugenie eugenio eugine eula eulah eulalia eulalie eulogio euna eunan eunice eunika
euphemia eura eusebia eusebio eusebiu eustace eustaquio eustatiu eutimio eutropio eva eva-lena
eva-maria eva-marie evald evaldas evalds evalena evaline evalyn evalyne evamaria evan evance
evander evangelia evangelina evangeline evangelista evangelos evanghelina evans evaristo evcimen
evde eve evelena evelia evelien eveliina evelin evelina eveline evelio evelyn evelyne evelynn ever
everet everett everette everline everlyne evert evertt evette evey evfemia evgenia evi evia evie
evija evita evlalia evon evonne evrim evrimer evy ewa ewald ewan ewart ewatomi ewelina ewell ewin
ewing exa exequiel exie ey eyberg eybjorg eybjort eydan eydis eyfridur eygerdur eyglo eyhildur eyja
eyjalin eyjolfur eylaugur eyleif eyleifur eylin eymar eymundur eyrikur eyros eyrun eysteinn eythor
eythora eythrudur eyvar eyveig eyvindur eyvor eyyub eyyup ezekiel ezell ezequiel ezgin ezgutekin
ezio ezra ezzard faas faber fabia fabian fabiana fabien fabienne fabio fabiola fabrice fabricio
fabrisius fabrizia fabrizio facundo fadekemi faderera fadil fadila fadile fadime fae fafnir fahari
fahmi fahrullah fainche faiq fairy faisa faith faizah faizan faize falak falan falgeir falguni falk
falki falko fallon falon falur fami famil famile fanaka fancy fang fannar fannberg fanndis fanney
fanngeir fanni fannie fannlaug fanny fannye faqid farah faraj faraja farangiz faras fares farhan
farhiya farhod farhunnisa farid farida farijika fariq faris fariz fariza faron farouk farrah
farrell farris faruk farzona fate fathonah fatigul fatih fatiha fatihe fatima fatime fatinur fatma
fatmanur fatmir fatmire faton fatteh fatuma faustas faustino fausto fawn fay faye fayette fayize
fazil fazli fazul feargal fearghal febe febi februn fed fedde fedele feden federica federico
federigo fedor fehim fehintola fehmin fehmiye feisal felecia felice felicia feliciana feliciano
felicidad felicie felicien felicitas felicity feliks feline felipa felipe felisa felisha felista
felister felistus felix felizitas fella felton fem fema femke fengur fenna fenne fenni fenrir
fenton ferahdiba ferahim ferat feraye ferd ferda ferdi ferdinand ferdinando feremez ferenc fergal
fergus ferhad ferhan ferhat ferid feride feriel ferihan ferinaz ferman fermin fermuta fern fernand
fernanda fernande fernando ferne ferney ferny ferqane ferre ferrell ferris ferrux fersan fertram
feruza feryas ferzi festus fetullah fexreddin fexri fexriyye feyha feykir feyruz feyyaz feyzin feza
fezail fia fiachra fiamma fibikemi fidan fidaye fidel fidela fidelia fidelis fidelma fidencio fides
fidvi fielding fien fiene fifa fifill fiifi fikayomi fikret fildan filip filipa filipe filipia
filippa filippia filippo filippus filit filiz filofteia filomena fimar finbar finbarr finian finis
finley finn finna finnbjorg finnbjork finnbjorn finnboga finnbogi finnborg finndis finnegan finney
finnfridur finngeir finnjon finnlaug finnlaugur finnros finnur finnvardur finola fintan fiodor
fiona fionan fionna fionntan fionnuala fionnula fiorella fiorenzo fiorino firdavs firdevis firdovsi
firengiz firman firmin firudin firuze fisher fisnik fitan fitim fitnat fito fitore fitria fitriani
fitzgerald fitzhugh fiyaz fizze fjalar fjalldis fjarki fjola fjolar fjolla fjolmundur fjolnir
fjolvar fjornir flamur flannan flavia flavie flavio flaviu fleda fleet fleeta flem fleming flemming
fleta fletcher fleur flint flo floare floarea floki flonnie floor floortje flor flora florance
flore florea florence florencia florencio florene florent florenta florentin florentina florentine
florentino floretta florian floriana floriane florica florida floridor florie florim florin florina
florinda florine floris florrie flosi flossie flovent floy floyd flurin flurina flynn foch fodil
folashade folda folke folker folkert folki folu fonda fonn ford forest forni forrest fortunata
fortunato forum fossmar foster fotima fount fouzia foy frado fran franc franca france frances
francesca francesco franchesca franci francia francies francina francine francis francisc francisca
francisco franciscus francisek franciska francisquita franciszek franck franco francois
francois-xavier francoise francy franjo frank frank-michael frank-peter franka frankie franklin
frankline franklyn franky frann frans fransiska frantisek frantiska franz franz-josef franz-peter
franz-xaver franziska frar fraser frauke frazer frazier fred freda freddie freddy frede frederic
frederica frederick fredericka frederico frederik frederika frederike frederikke frederique fredi
fredie fredo fredric fredrick fredrik fredrika fredy freeda freeman fregn freia freida freja
fremont french fresia freya freybjorn freydis freygardur freygerdur freyja freylaug freyleif
freymar freymodur freymundur freyr freysteinn freythor freyvidur fricis frida fridah fridberg
fridbergur fridbert fridbjorg fridbjorn fridbjort fridborg friddis friddora fridey fridfinna
fridfinnur fridgeir fridgerdur fridjon fridjona fridlaug fridlaugur fridleif fridleifur fridlin
fridmann fridmar fridmey fridmundur fridny fridolin fridrich fridrik fridrika fridrikka fridros
fridrun fridsemd fridsteinn fridthjofur fridthor fridthora fridur fridveig fridvin frieda friedbert
friedemann frieder friedericke friederike friedhelm friedhilde friedhold friedl friedlinde friedo
friedrich friedrich-karl friedrich-wilhelm friend frigg frimann frithjof fritz frode frodi frodmar
frodny froilan frona fronia fronie fronnie frosti frostros frusina fryderyk fuad fugen fulgencio
fuller fulton fulvio fuma fumiko funi fura furman fusi fuzayl fuzuli fylkir fynn gabe gabel gabi
gabin gabino gabor gabriel gabriela gabriele gabrielius gabriella gabrielle gabrielly gaby gada
gadang gading gaduh gaefa gaeflaug gael gaelle gaetan gaetano gagan gage gaia gaida gaige gail
gaiman gaines gaither gaja gal gala galak galang galar galasso galdur gale galen galih galilea
galina galiono galip gallego galo galuh galur galvarino gamaliel gaman gamani gamanto gambira
gamblang gambo ganda gandewa gandi ganep gang ganga gangsa gangsar gani ganim ganimete ganiye
ganjaran gannon gantar gara garan garang garda gardar gardner garech gareth garett garey garfield
garibaldi garima garland garner garnet garnett garold garpur garret garreth garrett garri garrick
garrison garry garth garvan garvin gary gaspar gaspard gaspare gasper gasti gaston gastone gathoni
gatis gatot gatra gauge gaui gauja gaukur gaurang gaurangi gaurav gauri gaurika gautam gautami
gauthier gauthildur gauti gautrekur gautur gautvidur gavan gaven gavin gavyn gawati gay gayathri
gaye gayla gayle gaylen gaylene gaylon gaylord gaynell gazel gazmend gbadebo gbolahan gbowoade
geanina gearld gearldine gearoid geary gebhard gederts gediminas gedion gee geert geetika gefjun
gefn geir geira geirardur geirbjorg geirdis geirfinna geirfinnur geirfridur geirhardur geirhildur
geirhjortur geirhvatur geiri geirlaug geirlaugur geirleifur geirlod geirmundur geirny geirolfur
geirridur geirrodur geirrun geirthjofur geirthrudur geirtryggur geirvaldur geisli gejza gelengul
gellir gelsomina gelu gema gemma gena genaro gencaslan gencay gene general genesis geneva genevieve
genevra genie gennaro gennie geno genovefa genoveva genta gentiana geo geoff geoffrey geoffroy
geofrey georg georganna george georgeann georgeanna georgel georgene georges georgeta georgetta
georgette georgia georgian georgiana georgiann georgianna georgie georgina georgine georgios
geovanni geovanny gerald geraldine geraldo geralyn gerard gerarda gerardine gerardo gerardus geraud
geray gerd gerda gerdar gerdi gerdur gereon gerfried gergely gergo gerhard gerhardt gerhart gerhild
geri gerlind gerlinde germain germaine german germana gernot gero gerold gerolf geronimo gerrard
gerri gerrit gerry gerson gert gerta gertha gerti gertie gertraud gertraude gertraut gertrud
gertruda gertrude gertrudis gervasio gerwin gery gesa gesare gesche gesine gestheidur gestny
gestrun gestur geta gethera getrude geza ghaalib ghaazi ghaffaar ghafoor ghaith ghalib ghaliyati
ghanee ghanem ghani ghannam ghasaan ghauth ghawth ghayoor ghazalan ghazanfar ghazanfer ghazawan
ghazi ghazzal ghenadie gheorghe gheorghita gherghina ghilas ghislain ghislaine ghita ghiyaath
ghiyath ghufran ghulaam ghulam ghunayn ghusharib ghusun ghutayf gia giacinto giacobbe giacomo giada
giampaolo giampiero gian gian-luca giana giancarlo gianfrancesco gianfranco gianina gianluca
gianluigi gianmarco gianna gianni gianpaolo gianpietro gibson gica gicu gideon gidget giedre
giedrius giel giesela gifford gifty gigi gigja gigjar gijs gil gilang gilbert gilberte gilberto
gilda gildardo giles gilford gilles gillian gillie gillis gilly gilma gilman gilmar gilmer gilmore
gils gilslaug gina ginette ginger ginny gino gintare ginyas gioacchino gioachino gioele gioffre
gioia gion gionata giorgia giorgian giorgiana giorgio giosue giovani giovanna giovanni giovanny
girik girindra girish girolamo girtha girts gisa gisbert gisela gisele giselle gisla gisley gisli
gislina gislinde gislny gislrun gislunn gisselle gissunn gissur gita gitau githinji gitonga gitta
gitte giulia giuliana giuliano giulietta giulio giuseppa giuseppe giuseppina giustino giz gizela
gizella gizem gizur gjaflaug gjuki gladis gladstone gladyce gladys glauco glen glenda glendon
glendora glenn glenna glennie glennis glenwood glenys glinda glo gloa globjort glod glodis gloey
gloi gloria glover glumur glynda glynis glynn gna gneisti gnupur gnyr goa goda godelieva godelieve
godfrey godi godmundur godofredo godwin goebel goffredo gogo gohar goi gok gokay gokbudun gokce
gokcebalan gokcil goken gokhan goknur gokperi goksev gokten golda golden goldia goldie goli goma
goncafer goncalo gonen gonul gonzalo gopal goran gorazd gordan gordana gorden gordon gorge gorgunay
gorklu gorm gorsev gosta gote gottfrid gottfried gotthard gotthilf gotthold gottlieb gottlob
gottskalk gottsveinn gotz governor goyo gozel gozem grace gracelyn gracia graciana graciano gracie
graciela grady graeme grafton graham grainne grani grania grankell grant granville gratian gratiana
gratiela graves gray grayce graydon grayling grayson grazia graziano graziella grazyna greca grecia
greco green greene greet greg grega greger gregg greggory gregoire gregor gregoria gregorian
gregorio gregory grein greipur grelod greppur gret greta gretar gretchen grete gretel grethe gretl
gretta grettir greyson gricelda griet grieta griffin griffith grigore grima grimar grimey
grimheidur grimhildur grimkell grimlaugur grimnir grimolfur grimulfur grimur grisel griselda grit
gro groa grove grover grzegorz gua guadalupe guarino gucal gucluer gucyeter gudberg gudbergur
gudbjarni gudbjartur gudbjorg gudbjorn gudbjort gudborg gudbrandur guddis gudfinna gudfinnur
gudfredur gudfridur gudgeir gudjon gudjona gudlaug gudlaugur gudleif gudleifur gudleikur gudlin
gudmann gudmar gudmey gudmon gudmunda gudmundina gudmundur gudni gudny gudradur gudridur gudrodur
gudrun gudsteina gudsteinn gudthor gudula gudvardur gudveig gudveigur gudvin guenter guenther
guglielmo gugu gugulethu guido guilford guilherme guillaume guillermina guillermo guiomar guiseppe
guiying gul gulab gulaga gulare gulay gulbala gulbani gulbeyan gulbiye gulce gulcegun gulcin
gulcohre guldam gulder guldunya gulegen gulel gulenay guler gulev gulfaam gulfam gulfari gulfeza
gulgen gulguzel gulhisar gulinaz gulkadin gullbra guller gulluhan gullveig gully gulmira gulmisal
gulnar gulnare gulnaz gulnaziye gulnur gulozge gulper gulsa gulsahin gulsalin gulselin gulsen
gulseref gulseren gulsevil gulshan gulsiye gulsu gulsum gultac gultekin gulten gulter gulus
gulustan gulxar gulzadiye gulzar gumercindo gumi gumma gumustekin gun gun-britt gunar gunars gunay
gunaydin gunbir gunborg gunda gundel gunden gundhild gundi gundolf gundula gunduz gunduzalp
gunebakan guneet guneri guney gungordu gungoren gunhild gunilla gunita gunkurt gunn gunnar gunnberg
gunnbjorg gunnbjorn gunnbjort gunnborg gunndis gunndor gunndora gunnel gunnella gunner gunnfinna
gunnfridur gunngeir gunnhallur gunnharda gunnheidur gunnhildur gunnjona gunnlaug gunnlaugur
gunnleif gunnleifur gunnlod gunnolfur gunnoli gunnrodur gunnrun gunnsteinn gunnthor gunnthora
gunnthorunn gunnur gunnvaldur gunnveig gunnvor gunny gunsel gunsen gunser gunta guntars gunter
gunther guntis guntram gunver gunvor gurarda gurcuye gurelcem gurli gurney gurry gursal gurten gus
guss gussie gust gusta gustaaf gustaf gustas gustav gustave gustavo gustavus gustaw gusti gustie
gusztav guthrie gutti guttormur guus guusje guvercin guy guzey gwen gwenael gwenaelle gwenda
gwendolen gwendoline gwendolyn gwyn gwyneth gyda gydja gydridur gygjar gylfi gymir gyongyi gyorgy
gyorgyi gyozo gyrdir gyte gytis gytta gyula gzim habib habiba habibe habibu habil haciali hacibey
hacile hadassa hadassah hadda haddi haddur haddy haden hadi hadicha hadija hadithi hadiza hadjer
hadley hadrey hadrien haengur haenir hafberg hafbjorg hafborg hafdis hafey hafgrimur hafiz hafiza
haflida haflidi haflina hafnar hafni hafny hafros hafrun hafsa hafsat hafshah hafsteina hafsteinn
hafthor hafthora hagalin hagbardur hagbert hagen haiba haiden hailee hailey hailie hairyanto
hajnalka hajo hakan hakeem haki hakikat hakim hakon hakonia hal halbert hale haleigh halenur haley
haleygur halfdan hali halid halidun halie halil halim halima halina halisi haliye hall halla
hallbera hallberg hallbjorg hallbjorn hallborg halldis halldor halldora halle halley hallfredur
hallfridur hallgardur hallgeir hallgerdur hallgils hallgrimur hallgunnur hallie hallkatla hallkell
hallmann hallmar hallmundur hallny hallrun hallsteinn hallthor hallur hallvardur hallveig hallvor
halsey haluk ham hamar hami hamid hamilton hamima hamis hamish hamisi hamiyet hamp hampton hampus
hamsini hamundur hamza hamzah hana hanako hanbiken handy hanedan hani hania hanife hanim hanja hank
hanna hannabel hannah hannchen hanne hanne-lore hannele hannelore hannes hanney hanni hannibal
hanno hanns hannu hanny hanora hans hans-adolf hans-albert hans-bernd hans-christian hans-detlef
hans-dieter hans-dietrich hans-eberhard hans-erich hans-friedrich hans-georg hans-gerd hans-gerhard
hans-gunter hans-gunther hans-heinrich hans-helmut hans-henning hans-herbert hans-hermann
hans-hinrich hans-joachim hans-jochen hans-jorg hans-josef hans-jurgen hans-karl hans-ludwig
hans-martin hans-michael hans-otto hans-peter hans-rainer hans-rudolf hans-theo hans-ulrich
hans-uwe hans-walter hans-werner hans-wilhelm hans-willi hans-wolfgang hansa hansel hansford
hansgeorg hansina hansjoachim hansjorg hansjurg hansjurgen hanson hanspeter hansruedi hanss
hansueli hansultan haralamb haralambie harald haraldur harambee harbinaz hardana harden hardi
hardie hardik hardin harding hardy harekur hari harijs harimurti harinakshi harini haris harish
harita hariz harja harjasa harjaya harjo harl harlan harland harlaugur harlen harlene harley harlie
harlon harlow harm harman harmon harmony harnail harol harold haroldo haron harpa harper harrell
harri harrie harriet harriett harriette harris harrison harro harrold harry harsana harsanto
harsaya harsh harshil hart hartaka hartana hartley hartmann hartmut hartmuth harto hartvig hartwell
hartwig haruka haruko harun haruna harve harvey harvie harvy hasan hasbek hasel hasgul hashiki
hasim haskell hasna hasret hassan hassie hasso hasta hasteinn hatem hatice hatima hatin hattie
haudur hauksteinn haukur haukvaldur hauwa hava havali havar havard havardur havarr haven havse hawa
hawehindi hayali hayat haydee hayden hayel hayes haylee hayleigh hayley haylie hayret hayrunnisa
hays hayward haywood hazeem hazel hazelle hazen hazine hazle hazrat heath heather heaven heba heber
hebert hecer heci hector hedda hedi hedinn hedvig hedviga hedvika hedwig hedy hege heida heidar
heidarr heidberg heidbert heidbjorg heidbjork heidbjort heidbra heiddis heide heide-marie
heidelinde heidelore heidemarie heiderose heidi heidlaug heidlindur heidloa heidmann heidmar
heidmundur heidny heidrekur heidros heidrun heidur heidveig heidy heike heikir heikki heiko
heilmodur heimir heimo heiner heinfried heini heino heinrekur heinrich heinz heinz-dieter
heinz-georg heinz-gerd heinz-gunter heinz-gunther heinz-joachim heinz-josef heinz-jurgen heinz-otto
heinz-peter heinz-walter heinz-werner heinz-wilhelm heinz-willi heisi heitor hekima hekime hekla
hekmet hektor helaine helan heleen helen helena helene helfried helga helge helgi heli helina
heliodoro hella helle hellen hellena hellevi hellmut hellmuth helma helmar helmer helmi helmtrud
helmut helmuth heloisa heloise helvi helyn hema hemal hemang hemangini hemani hemi hemid hemmert
hence henderson hendra hendri hendrik hendrikka henery henife henk henna henner henni hennie
henning henny henretta henri henric henrich henricus henrieta henrietta henriette henrik henrika
henrike henrikki henriks henrique henry henryk hera heracleea heraclio heraldo herb herbert
herberto herbjorg herbjorn herbjort herborg herdis herfinnur herfridur hergeir hergerdur hergill
hergils heribert heriberto herjolfur herlaug herlaugur herleifur herlinda herlinde herluf herma
herman hermanis hermann hermann-josef hermanni hermelinda hermenegildo hermes hermina herminda
hermine herminia herminio hermodur hermon hermundur hernan hernando herney herrmann herschel
hershel hershell hersilia hersir hersteinn hersveinn herta hertha herthrudur heru hervar hervardur
herve hervey hervin hervor herwig heryanto hesbon hesen hesenaga hessie hester hesti hettie hetty
heva heyder heyvetullah heyward hezekiah hezi hezniye hezron hezzie hicham hicran hicsonmez hidaya
hidde hideki hideo hidir hifzullah hikmet hilah hilal hilario hilarius hilary hilayda hilbert hilda
hildah hildar hildburg hilde hildegard hildegarde hildegart hildegund hildegunde hildibergur
hildibjorg hildibrandur hildigeir hildigerdur hildiglumur hildigunnur hildimar hildimundur hilding
hildingur hildir hildiridur hildisif hildithor hildred hildur hilkka hill hillard hillary hillery
hillevi hilliard hilma hilmar hilmer hilmir hilton hiltraud hiltrud himawan himinbjorg himri hind
hindal hinet hinewai hinrich hinrik hinrika hinrikka hipolito hiral hiram hiroshi hitesh hjallkar
hjalmar hjalmdis hjalmer hjalmey hjalmfridur hjalmgeir hjalmgerdur hjalmros hjalmrun hjalmthor
hjalmtyr hjalmur hjalmveig hjalta hjalte hjaltey hjalti hjarnar hjordis hjorfridur hjorleif
hjorleifur hjorny hjortfridur hjortthor hjortur hjorvar hladgerdur hledis hlegestur hleidar hler
hlidar hlidberg hlif hlifar hlin hlini hljomur hlodmundur hlodur hlodvardur hlodver hlokk hlynur
hnefill hnikar hnikarr hoang hoani hobart hobert hobson hocine hodari hodd hodur hogna hogni hoke
hokume holden holgeir holger holland holli hollie hollis holly holm holmar holmbert holmbjorg
holmdis holmes holmfastur holmfridur holmgeir holmgrimur holmkell holmsteinn holmthor holti homer
homero hong honora honore hoover hope horace horacio horatio horatiu hordur horea horia horn horst
horst-dieter horst-gunter horst-peter hortencia hortense hortensia hortenzia horton horymir hosea
hoseas hosie hoskadem hoskuldur hosteen houcine houda houston howard howell hoy hoyt hraerekur
hrafn hrafna hrafnar hrafnbergur hrafnborg hrafndis hrafney hrafngerdur hrafnheidur hrafnhildur
hrafnkatla hrafnkell hrafnlaug hrafntinna hrafntyr hrannar hrappur hraunar hraundis hredhaan hrefna
hreggvidur hreidar hreidmar hreimur hreindis hreinn hrimnir hringur hritik hroaldur hroar
hrobjartur hrodgeir hrodmar hrodny hrodolfur hrodvar hroi hrolfdis hrolfur hrollaugur hrolleifur
hromundur hronn hrund hrutur hrvoje hsin-hung hsin-i hsin-yu hsiu-chen hsiu-chih hsiu-chin hsiu-chu
hsiu-chuan hsiu-feng hsiu-hsia hsiu-hua hsiu-lan hsiu-lien hsiu-ling hsiu-mei hsiu-ying hsiu-yu
hsiu-yun huban hubbard hubert hubertine hubertus huda hudavent hudson huey hugberg hugbjorg
hugbjort hugborg hugdis hugh hughes hughey hughie hugi huginn hugleikur hugljuf hugo hugrun hugues
huguette hui-chen hui-ling hui-mei huia hukumdar huld hulda huldah huldar huldis huldrun hulya
humaira humaiya humayra humberto humbet humeyra humi humoyun humphrey hunalp hunbjorg hunbogi
hundis hung hungerdur huni hunn hunor hunrodur hunt hunter huong hurbert hurdogan hurican hurley
hurmet hurside huruyet huryasar huseyin huseyn huseynqulu husmen husniyye husnuhal hussein huston
huxley huy huzaifa huzuri hvannar hvonn hyltir hylur hyman hymen hynek hyrum i-an i-chen i-ching
i-chun i-fei i-hsiung i-hsuan i-ting iacob iain ian iancu ianis iara iasmina ib ibaad iban iben
ibeth ibidapo ibironke ibis ibn ibolya ibraaheem ibraheem ibrahim ibrani ibrohim ibun ica icey icha
icie icimbike icy ida idabelle idamae idda ide idell idella idik idika idiris idrees idris idriz
idun idunn ieremia iesa iesha ieshia ieva ifa ifeanyi ifechukwu ifeoma ifora iftikhaar iftikhar
ifunanya ige ignac ignace ignacia ignacio ignacy ignas ignatius ignatz ignaz ignazio igne igor
igors ihab ihaia ihsaan ihsan ihtesham ihtiram ihtishaam ihtsham iida iiris iisakki ijaya ijli ika
ikbal ike ikenna ikeoluwa iker ikhlaas ikhsan ikin ikiz iklim ikraam ikram ikramah ikrimah ikshita
ila ilah ilahe ilalmis ilan ilari ilaria ilarie ilarion ilbek ilda ildefonso ildem ildes ildiko
ildiz ileana ilene ilenia ilga ilgi ilham ilhame ilhan iliana ilias ilie ilija ilim ilinca ilir
ilja ilka ilkane ilkbahar ilkim ilkin ilkka ilklima illa illugi illya ilma ilmafer ilmari ilmars
ilmur ilnare ilo ilona ilonka ilper ilqar ilqare ilsa ilse ilsu ilteris ilyas ilyes ilze ima imam
imane imani imanol imants imany imara imaran imelda imene imer imge imi imke immaculate immanuel
immo immy imo imogen imogene imona imran imre imren imrich imrihan imron ina inaki inancli inara
inare inaya inayet incifir inda indah indali indi india indiana indie indira indra indrajit indre
indrek indridi indrikis indy ine inell ines inese ineta inez infant ing-britt ing-marie inga
inga-britt inga-lill ingalill ingberg ingbert ingdis inge ingeborg ingeburg ingegard ingegerd
ingela ingelise ingelore ingemar inger ingetraud ingetraut ingey ingheidur inghildur ingi ingiberg
ingibergur ingibert ingibjartur ingibjorg ingibjorn ingibjort ingiborg ingifinna ingifridur
ingigerdur ingilaug ingileif ingileifur ingilin ingimagn ingimar ingimaria ingimunda ingimundur
ingiridur ingiros ingisol ingithor ingivaldur ingiveig ingjaldur ingmar ingo ingolf ingolfur ingram
ingrid ingrida ingried ingrun ingthor inguna ingunn ingvaldur ingvar ingveldur ingvi inigo inioluwa
inka inken inkeri inmaculada inna innocent inocencio inocentiu inqilab insa insaf inta intan
intihap intiqam intizar ioan ioana ioanina ioannis iola iolanda ion iona ione ionel ionela ionelia
ionica ionut iosefina iosif ippazio ir ira irade ireland iren irena irene iretioluwa irfan iriana
iridenta iridian irina irine irinel iris irja irl irma irmantas irmela irmeli irmengard irmgard
irmhild irmi irmingard irmtraud irmtraut irmtrud irmy irnanto irpa irsad irungu irunn irva irven
irvin irvine irving irwan irwin irya iryna isa isaac isaack isaak isabel isabela isabell isabella
isabelle isabelly isac isack isadora isadore isafold isai isaiah isaias isak isalind isaline isam
isamar isaque isar isarr isaura isaya isbjorg isbjorn iscan isdis ise iseldur iseoluwa isey
isfandiyor isfold isgeir isgender isgerdur isha ishaan isham ishani ishanvi ishildur ishita ishmael
ishola ishwar isiah isidor isidora isidore isidoro isidro isikay isiman isin isis isla islam islaug
isleif isleifur islime islom ismael ismail ismar ismayil ismet ismey ismik ismo ismoil isobel isol
isold isolde isolfur isolina isom isra israel israfil isreal isrun issa issac issack issi issol
istvan isveig ita italo itanya ituri itzel itziar iulia iulian iuliana iuliu iunn iurie iustin
iustina iustinian iva ivah ivan ivana ivanka ivanna ivano ivar ivars ivecen iver iverson iveta
ivette ivey ivica ivie ivka ivo ivona ivone ivonne ivor ivory ivy iwan iwo iwona ixtiyar iyabode
iyadunni iyana iyanna iyiyurek iymona iza izaaz izabela izabele izabella izabelle izaiah izayah ize
izel izetta izgu izidor izola izora iztok izzet jaabir jaafar jaak jaakko jaan jaana jaanus jabal
jabari jabbaar jabbar jabez jabir jabr jabulani jacalyn jace jacek jacey jacinta jacintha jacinto
jack jackeline jacki jackie jackline jacklyn jackson jacky jaclyn jacob jacobine jacobo jacobus
jacoby jacopo jacque jacquelin jacqueline jacquelyn jacques jacquez jacquline jacqulyn jad jada
jade jaden jader jadiel jadon jadranka jadwiga jadyn jaeda jaeden jael jaelyn jaelynn jaeman jafar
jafet jaffer jaga jagapati jagaraga jagat jagdish jagger jagrati jagvi jahangir jahanzeb jahdami
jahdari jaheem jaheim jahi jahiem jahir jahiz jahm jahongir jai jaida jaiden jaider jaidyn jail
jailene jailyn jaiman jaime jaimee jaimie jair jairaj jairo jairus jais jajuan jaka jakayla jake
jaki jakob jakobe jakobina jakobs jakop jakov jakub jalaal jalal jale jaleel jalees jaleesa jalen
jalia jalil jalisa jalissa jaliyah jalmari jalol jalon jalsa jalyn jalynn jamaal jamal jamalia
jamar jamarcus jamari jamarion jame jameel jamel james jameson jamey jami jamie jamie-lee
jamie-leigh jamil jamila jamin jamir jamison jamiya jammie jamshid jamya jan jan-ake jan-erik
jan-olof jan-peter jana janae janaki janani janay jane janeen janel janell janelle janene janessa
janet janeta janeth janett janetta janette janey janez jangwa jani janiah janic janice janick janie
janik janin janina janine janis janiya janiyah janja jankat janko jann janna janne janneth jannette
janni jannie jannik jannika jannis jano janos janosch january januja janus janusz janya janyce
japhet japheth jaquan jaquelin jaqueline jaquez jara jarad jared jaren jaret jarett jari jarkko
jarl jarlath jarleth jarmila jarmo jarnbra jarne jarngerdur jarngrimur jarno jarod jarolim jaromir
jaromira jaron jaroslav jaroslava jaroslaw jarrad jarred jarrell jarret jarrett jarrod jarthrudur
jarun jaruthip jaruwan jarvis jarwa jarwadi jarwi jase jasen jasiah jasin jasiri jaslene jaslyn
jasmani jasmijn jasmin jasmina jasmine jasminka jasmit jasmyn jasmyne jasna jason jasper jasur
jaswadi jatgeir jati jatin jatmiko jatmundur jatvardur jaunita javan javen javi javier javiera
javion javohir javon javonte jax jaxen jaxon jaxson jaxton jay jaya jayadi jayce jaycee jaycie
jaycob jayda jaydan jayde jayden jaydin jaydon jaye jayeng jayla jaylah jaylan jaylee jayleen
jaylen jaylene jaylin jaylinn jaylon jaylyn jaylynn jayme jaymes jayne jayson jayvion jayvon jazeps
jazlene jazlyn jazlynn jazmin jazmine jazmyn jazmyne jean jean-baptiste jean-charles
jean-christophe jean-claude jean-francois jean-jacques jean-louis jean-luc jean-marc jean-marie
jean-michel jean-paul jean-philippe jean-pierre jean-pol jean-yves jeana jeane jeanetta jeanette
jeanie jeanine jeanmarie jeanna jeanne jeannette jeannie jeannine jeannot jeanny jeb jebet jecinta
jed jedediah jedidah jedidiah jedrzej jeet jeevika jef jeferson jeff jefferey jefferson jeffery
jeffie jeffrey jeffry jefri jeison jeisson jekabs jekaterina jekaubs jelagat jelani jele jelena
jelita jelka jelle jelte jemal jemima jemimah jemma jemutai jen-chieh jena jenaro jenel jenelle
jenetta jenifer jeniffer jenilee jenipher jenna jennette jenni jennie jennifer jenniffer jennings
jenny jeno jens jens-peter jens-uwe jensen jensina jente jep jepchirchir jepchumba jepkemoi
jepkoech jepkorir jepkosgei jeppe jeptha jeptoo jerad jerald jeraldine jeramiah jeramie jeramy jere
jered jerel jereme jeremey jeremi jeremiah jeremias jeremie jeremy jergus jeri jerica jerilyn
jerilynn jerimiah jerimy jerker jermain jermaine jerman jermey jermiah jernej jerneja jerod jeroen
jerold jerome jeromy jeronimo jerono jerop jerotich jerrad jerrel jerrell jerri jerrica jerrie
jerrilyn jerrod jerrold jerry jerson jerusha jeruto jeryl jerzy jes jesca jesenia jesica jesper
jess jesse jessee jessenia jessi jessica jessie jessika jessy jessye jesus jesusa jet jethro jetmir
jeton jett jetta jettie jevgeni jevon jewel jewell jezups jhalak jhan jhoan jhoana jhon jhonatan
jhonny jhony jie jil jiles jill jillian jim jimena jimmie jimmy jina jinawi jindra jindrich
jindriska jing jinjuta jinnie jinthe jip jiri jirina jitka jitrin jo joa joachim joacim joakim joan
joana joanie joann joanna joanne joannes joao joaquim joaquin joaquina joash job jobe jobst jocelyn
jocelyne jocelynn jochem jochen jochum jodi jodie jodis jody joe joel joell joella joelle joellen
joep joerg joeri joeseph joesph joetta joette joey joffrey jofridur johan johana johann johanna
johannah johanne johannes johans johathan john johnathan johnathon johney johnie johnna johnnie
johnny johnpaul johnson johnstone johny joi joke jokla joko jokubas jokull jokulros jolan jolana
jolanda jolanta jolanthe joleen jolene jolette jolie jolien jolijn jolin jolina joline jomar
jomundur jon jona jonah jonanna jonar jonas jonasina jonatan jonathan jonathon jonbjorg jonbjorn
jonbjort jondis jondor jondora jonell jones joney jonfridur jongeir jongerd jonheidur jonhildur
joni jonida jonina joninna jonmundur jonna jonnie jonny jono jonsteinn jonthor jony joojo joona
joonas joonatan joost joppe jora joram joran jordan jordana jorden jordi jordin jordon jordy jordyn
joren joretta jorfi jorg jorg-peter jorge jorgen jorgina joridur joris jorja jorlaug jorma
jormundur jorn jorri jort jorundur jorune jorunn jorvar jorvi jory jos josafat josavin jose
josebina josee josef josefa josefiina josefin josefina josefine josefita joselin joseline joseluis
joselyn josep joseph josepha josephat josephina josephine josephus josette josh joshua joshuah
josiah josiane josianne josie josiephine josip josipa josko joslyn joso josphat josphine josse
jossie jost josteinn josua josue josy jouko jouni journey jovan jovana jovani jovanni jovanny
jovany jovin jovina jovita joy joyce joycelyn joye joyline jozef jozefa jozefina jozica jozo jozsef
jua juan juana juanita juanito judah judd jude judea judge judi judie judit judita judith judson
judy judyth juelz juergen juha juhana juhani juho jui-en jukka jula jule jules juli julia julian
juliana juliane juliann julianna julianne julie julie-anne julien julienne juliet julieta julieth
julietta juliette julija julijana julijs julio julious juliros julisa julissa julita julius juliusz
juluis juma jumaane jumadi jumari jun juna june jung-hua juni junia juniana junie junior junious
junius juozas juraj jure jurek jurg jurgen jurgita juri jurij juris jurre jussi justas justen
justice justin justina justinas justine justiniani justo juston justus justyn justyna jusuf jutta
juul juulia juuso juvenal juwan juwon jyoti jyrki jytte kaamil kaan kaaren kaarina kaarlo kaashif
kaat kaazim kabeer kabir kabiru kacey kachela kaci kacie kacper kacung kacy kada kade kadeem kaden
kadence kader kadijah kadin kadinana kadir kadlin kadri kadyn kaeden kaeja kael kaela kaelyn
kaelynn kafeel kahina kahir kahlil kahu kahurangi kai kai-hsiang kai-uwe kaia kaiden kaija kaila
kailee kailey kailyn kaique kairav kaisa kaiser kaitlin kaitlyn kaitlynn kaiya kaj kaja kajen
kajetan kajji kajsa kajus kakali kaktus kala kalbi kaldi kale kaleb kaleem kaleema kaleena kaleigh
kalel kalen kalene kalervo kalevi kaley kalgay kali kalie kalim kalina kaliyah kalla kalle kallie
kalman kalmann kalmar kalpit kaltrina kaluwa kalvin kalyn kamal kamala kamar kamari kamaria kamau
kambali kamden kameron kami kamidin kamiel kamil kamila kamilah kamile kamilla kamilly kamma
kamolchanok kamora kamran kamren kamron kamryn kamya kana kanak kanda kandace kandef kandi kandice
kandy kane kanesha kani kania kanini kanisha kanpulat kanye kaombwe kaori kapagan kapitola
kaprasius kar kara karaamat karabas karaca karaer karakucak karam karama karan karanbay karani
karanja karatas karcan kardelen kardi kare kareem kareen karel karen kari karie karim karima
karimah kariman karimi karin karina karine karis karissa karitas kariuki karja karkur karl
karl-august karl-dieter karl-erik karl-ernst karl-friedrich karl-georg karl-hans karl-heinrich
karl-heinz karl-hermann karl-josef karl-jurgen karl-ludwig karl-otto karl-peter karl-werner
karl-wilhelm karla karlee karlene karles karley karlfried karlheinz karli karlie karlijn karlina
karlinna karlis karlo karlotta karlukhan karly karma karman karmen karna karo karol karola karolien
karoliina karolin karolina karoline karolis karoly karolyn karon karren karri karrie karsa karsana
karson karsten karsyn karta karter kartika karvel karya karyl karyme karyn kasam kasandra kasen
kasey kash kashan kashangaki kashif kashish kashvi kasie kasif kasim kasimir kasiran kasiyah
kaskazi kason kaspar kaspars kasper kassandra kassidy kassie kassim kastiel kastriot kasusra kata
katalin katalina katana katariina katarina katarinus katarzyna katcha kate katelijne katelin
katelyn katelynn katerina katerine kathaleen katharina katharine katharyn kathe katherin katherina
katherine katherinne kathern katheryn kathey kathi kathie kathinka kathleen kathlene kathlyn
kathrin kathrine kathryn kathryne kathy kathyrn kati katia katica katie katie-louise katina katinka
katja katla katleen katlin katlyn katlynn kato katri katrien katriina katrijn katrin katrina
katrine katriona kattie katty katy kauko kauri kauthar kaver kavon kavurt kavya kawaca kawaya
kawkab kawthar kay kay-uwe kaya kayagun kaycee kayden kaydence kaye kaygusuz kayit kayla kaylah
kaylan kaylee kayleen kayleigh kaylen kaylene kayley kayli kaylie kaylin kaylyn kaylynn kayrabay
kaysan kayson kayun kazi kazim kazime kazimierz kazimir kazuko kazuo kazuya keagan kealan keandre
keanna keano keanu keara keaton kecia keegan keelan keeley keely keena keenan keenen keesha keeva
kefser kegan keifer keijo keila keion keira keisha keith keji kelami kelan kelby kelcie keld
kelechi keli kelis kellan kellee kellen kelley kelli kellie kelly kelly-anne kelly-marie kelsea
kelsey kelsi kelsie kelton kelvin kem kemal kemale kemaleddin kemba kemboi kemuma kemunto ken kenan
kenari kendal kendall kendell kendra kendrick kenedy kenes keneth kenia kenichi kenisha kenji
kenley kenn kenna kennard kennedi kennedy kennet kenneth kenney kennith kennth kenny kent kenter
kenth kenton kenya kenyangi kenyatta kenyon kenza kenzie kenzo keon keramet keran keri kerim kerime
kerman kermit kerri kerrie kerry kerstin kerttu kerubo kerwin kesha keshaun keshawn keshia kestutis
kete ketilbjorg ketilbjorn ketilfridur ketill ketilridur kevan keven kevim kevin kevon keya keyaan
keyla keyon keyshawn kezban kezia keziah khaalid khaan khadidja khadija khadijah khaled khalid
khalil khalilah khamani khamisi khanyisile khari khiry khloe khoa kia kiaan kiah kian kiana kiandra
kianna kiano kiapo kiara kiaran kiarie kiarra kibafupia kibar kibet kibibi kiburi kick kiddy kiefer
kiel kiera kieran kiernan kieron kierra kiersten kieth kifaye kifayet kijana kijani kike kikelomo
kiki kiley kilian kilicbay kiljan killian kilonzo kim kimani kimanzi kimathi kimball kimber
kimberely kimberlee kimberley kimberli kimberlie kimberly kimbilio kimeu kimmo kimora kimutai kimya
kinaya kindra kinel king kinga kingston kinley kinsey kinsley kinte kinubi kinuthia kinyanjui
kinyua kiojah kioko kip kipchirchir kipchumba kipenzi kipepeo kipkemboi kipkemoi kipkirui kipkoech
kipkorir kipkosgei kipkurui kiplagat kiplangat kiplimo kipngeno kipngetich kipp kipras kiprono
kiprop kiprotich kipruto kipsang kiptoo kipyegon kira kiramettin kirat kirby kirgiz kiri kirk kirsi
kirsten kirsti kirstie kirstin kirstine kirsty kirt kirui kisha kisima kismet kit kitan kitti
kittie kitty kiume kivilcim kiwara kiya kiyasi kiyoko kiyoshi kizil kiziltunc kizzie kizzy kjalar
kjallakur kjalvor kjaran kjarr kjartan kjarval kjeld kjell kjersti kjetil kjoi klaas kladia
klaengur klara klare klas klaudia klaudie klaus klaus-dieter klaus-gunter klaus-jurgen
klaus-michael klaus-peter klaus-ulrich klaus-werner klavdija klavs klea klemen klemens klement
klementina klemenz kleopatra kliment kloe klothilde knorr knox knud knut knute knutur kobe koby
kocabas kocak kockan koda kodchaporn kodran kody koech koen koenraad kofi koggi koha kojo koker
koko koktas kolawole kolbeinn kolbjorg kolbjorn kolbra kolbrun kolby koldan koldis kole kolfinna
kolfinnur kolfreyja kolgrima kolgrimur kolka kolmar koloman kolskeggur kolten kolton kolur kolvidur
koncagul kondo konguralp konkordia konner konnor konny konrad konradi konradus konstantin
konstantinos konstantinus konstanty konstanze konul kopan kopur kora koray korbin korbinian kordell
kordula korede korey kori korinna korir korka korkmazalp kormakur kormlod kornel kornelia kornelija
kornelius kort kortney korugan kory kosemen kosgei kosisochukwu kosukhan kotryna kotuz kourtney
kovser kovu kraig kraki kreszentia kreszenz kria kriemhild kris krish krisha krishna krisjanis
kriss krissy krista kristal kristall kristan kristaps kristberg kristbergur kristbjorg kristbjorn
kristborg kristdor kristel kristen kristens kristensa krister kristers kristey kristfinnur
kristfridur kristgeir kristgerdur kristi kristiaan kristian kristiana kristiane kristianna kristie
kristien kristiina kristijan kristin kristina kristine kristinn kristjan kristjana kristjon
kristjona kristlaug kristlaugur kristleifur kristlin kristlind kristmann kristmar kristmundur
kristny kristof kristofer kristoffer kristolina kristopher kristros kristrun krists kristthor
kristthora kristupas kristvaldur kristvardur kristveig kristvin kristvina kristy kristyn kristyna
krisztian krisztina krisztofer kritika krummi krysta krystal krysten krystian krystin krystina
krystle krystof krystyna krzysztof ksawery ksenija kuan-hung kuan-lin kuan-ting kuan-yu kubran
kuchanua kuddusi kujoe kujtim kullervo kulnun kumar kumiko kumral kumush kunaporn kuncara kunibert
kunigunda kunigunde kunkyi kuno kunta kunthara kuo-hsiung kuo-hua kuo-jung kuria kurnia kursad kurt
kurtis kurunzi kushtrim kusiima kustaa kusuma kutay kutgun kutun kveldulfur kveta kvetoslav
kvetoslava kwabena kwadwo kwaku kwamboka kwame kwamena kwasi kweku kweli kwesi kya kyalo kyan kyano
kyara kyla kylah kylan kyle kylee kyleigh kylene kyler kylian kylie kyllian kyllikki kymani kyosuke
kyra kyree kyrie kyson laban labeeb labib labinot labuh lacey lachlan laci lacie lacin lacramioara
lacy lada ladarius laddie ladina ladislau ladislaus ladislav ladislava ladli ladonna lady laeeq
laela laerke laetitia lafayette lafe lage lahiah lahoma laia laika laila lailah lailati laimonis
lainey laini laiq lais laisha laith lajita lajlaj lajos lakeisha laken lakendra lakesha lakeshia
lakisha laksana laksh lakshit lakshmi lala lale lalezar lalita lalla lalo laly lamar lamarcus
lambert lamberto lameck lamine lamiye lamont lamonte lan lana lanang lance landan landen lander
landin lando landon landyn lane lanette laney langalibalele langat langgeng lani lanie lanita
lanjar lannie lanny lantar laoise laora laqeet laquan laquita lar lara lara-sophie larae laraine
laras larensina larent larentius laretta larey larisa larissa lark larkin laron larry lars lars-ake
lars-erik lars-goran lars-olof larue larus lary lascar lashanda lashawn lashonda lashunda lasmanto
lasmono lasonya lasse lassi lassie laswi laszlo latanya latarsha latasha lateef latesha latif
latifah latika latisha latonia latonya latoria latosha latoya latoyia latrell latrice latricia
latrina laufar laufey laufheidur laufhildur lauga laugey laugheidur laugi launa laura laurance
laure laureano laureen laurel lauren laurence laurene laurens laurent laurentia laurentiu laurenz
lauretta laurette lauri laurian lauriane laurie laurin laurina laurine lauris laurita laurits
lauritz lauryn laurynas laus laust lautaro lavada lavanya lavar lavelle lavender lavenia lavera
lavern laverna laverne lavina lavinia lavize lavon lavona lavonda lavonia lavonne lawanda lawerence
lawrance lawrence lawrencia lawson lawton lawyer layla laylah laylo layne layth layton lazar lazaro
laze lazim laziz lazzaro le lea lea-sophie leafy leah leala leamon lean leana leander leandra
leandre leandro leane leaner leann leanna leanne leano leart leatha leatrice leda ledion ledun lee
leeann leela leen leena leeroy leesa leevi lega legawa lei leia leider leidolfur leidy leif leifur
leigh leighton leiknir leikny leila leilani leire leisa leisha leitha leja lejla leke lekha lela
lelah leland lelar lelia lella lem leman lembah lemma lemmie lemon lempi lemuel len lena lenah
lenard lene leni lenin lenka lenn lenna lennard lennart lennarth lennert lennie lennon lenny lenon
lenora lenord lenore lenwood leo leocadia leocadio leokadia leola leoma leon leona leonard leonardo
leonce leoncio leone leonel leonhard leoni leonia leonid leonidas leonie leonor leonora leonore
leons leontin leontina leontine leopold leopolda leopoldina leopoldine leopoldo leora leordean leos
leota ler lera lere leroy lerze les lesa lesana lesia leslee lesley lesli leslie lesly less lessie
lesta lester leszek leta letafet letha lethia leticia leticija letif letife letitia letizia letta
lettie letty leva levar levente levern levi levie levin levina levis levon levoslav levy lew lewis
lex lexi lexie lexis lexus leydi leyla leyla-katharina leyli leyre lezize lhanzey li li-chen
li-chin li-ching li-chu li-chuan li-hsiang li-hsueh li-hua li-ling li-mei li-yu li-yun lia liam
lian liana liane lias liba liban libardo libbie libby liberto liberty libia libni libor libusa
libuse lica liceth licia lida liddie lidia lidie lidija lidwina lidya lieke lien liene liepa lies
liesa liesbet liesbeth lieschen liesel lieselot lieselotte lieve lieven lieze lif lifdis liga lige
ligia ligita liisa lila lilah lilburn lili lilia lilian liliana liliane lilianna lilie lilija
lilijana lilita lilja liljana liljar liljuros lill lilla lillard lillemor liller lilli lillia
lillian lilliana lillianna lillie lillis lilly lilo lilou lily lilyan lilyana lilyanna lim liman
limar limazah limon lin lina linah linas linberg linbjorg lincoln lind linda lindah lindar lindberg
lindbergh linddis linde lindell linden lindis lindita lindsay lindsey lindy line lineik linet
linette liney lingny linh linhildur lini link linn linna linnea linnie lino linsey lintang linton
linus linwood linzy lio lioara lioba lionel lipika liridon liridona lirim lirjan lisa lisa-marie
lisabet lisandra lisandro lisanne lisbet lisbeth lise lise-lott lise-lotte lisebet liselott
liselotte liseth lisette lish lisha lisle lissa lissette lissi lissie lissy listalin liston lita
litha littie little littleton litzy liv liva livia livingstone livio liviu liwia liya liyaaqat
liyaqat liz liza lizabeth lizbeth lize lizete lizeth lizette lizz lizzie lizzy ljiljana ljosalfur
ljosbjorg ljosbra ljotunn ljotur ljubica ljubisa ljubov ljudmila ljufur llewellyn lloyd lo loa loan
lockie loda lode lodewijk lodmundur lodovico loek loes lofn loftur loftveig logan logey logi lohit
loic loice loida lois loise lokbra loke loki lola lolita lolla lollie loma lon lona londisizwe
londiwe london londyn lone loney long loni lonie lonna lonnie lonny lonzo loot lopa lope lora
loraine loran lorayne lorcan lore lorean loredana loree loreen lorelai lorelei loreley loren lorena
lorene lorens lorenz lorenza lorenzo loreto loretta loretto lori loria loriann lorie lorik lorin
lorinda lorine loring loris lorna lorne lorraine lorrayne lorri lorrie lossie lot lota lotfi lothar
lott lotta lotte lotti lottie lou louana louane louann louanna louella louetta loui louie louis
louisa louise louisiana louka loula louna lourdes lourenco lousie louvenia lova love lovell lovett
lovey lovie lovina lovis lovisa lovre lovro lowe lowell lowie loy loyal loyce loyd loyola lu luan
luana luann luanne luara luay luberta lubica lubomir lubomira lubor lubos luboslav luboslava luc
luca lucas lucca luce lucentiu lucero lucetta lucette luchino lucho lucia lucian luciana luciano
lucie lucien lucienne lucija lucila lucile lucille lucina lucinda lucindy lucio lucious lucius
lucky lucrecia lucretia lucretiu lucrezia lucy luda ludek ludger ludie ludivine ludmila ludmilla
ludo ludolf ludomil ludomila ludovic ludovica ludovico ludovicus ludovit ludvig ludvik ludvika
ludwig ludwina lue luej luella luena luetta lufen lugenia luhung luigi luigia luigina luis luisa
luisana luise luisina luitgard luiz luiza lujza luka lukas lukasz luke lukita lukka lukman lula
lulah lular lulie luljeta lulla lulu luluh lulut lulzim lum luminita lumir luna lundi lungile lunna
lupe lupita luqmaan luqman lura lurana lurena lurhur lurline lusia lusinda luster lut lute luter
lutf lutfan lutfi lutfiyye lutgarde lutgardis lutgart luther luthfi lutie lutz luuk luvenia luverne
luvinia luvisa luwar luwes luyanda luz luzia luzie luzius luzmira lwandile lya lyam lyda lydell
lydia lydiah lydiane lydianne lydie lydur lykke lyla lylah lyle lyman lyn lyna lynda lyndia lyndon
lyndsay lyndsey lynette lyngar lyngheidur lynley lynn lynne lynnette lynsey lynwood lyric lysiane
lytingur maahir maaike maajid maalik maanas maanav maaria maarit maarten maartje maawiya maaya maaz
maazin mabad mabel mabell mabelle mabil mable mac macarena macaria macario macarthur macauley mace
macel maceo macey macharia machelle maci macide macie maciej mack mackenzie macs macy mad madaha
madalena madalin madalina madaline madalyn madalynn madani madara maddalena madden maddison maddox
maddux maddy made madeleine madelene madelief madeline madelyn madelynn madge madhav madhavi madie
madilyn madilynn madina madini madisen madison madisyn madiyan madleina madlen madlyn madoa madonna
madora mads madyan madyson mae maebell maebelle maegan mael maelle maelys maeva maeve mafalda
maftuna magali magalie magaly magan magarete magda magdalen magdalena magdalene magdaline magdolna
magen magga maggey maggi maggie maggy magna magndis magne magnea magnes magney magnfridur magngeir
magnheidur magnhildur magni magnolia magnthor magnthora magnus magnusina magny magret magrit mahad
mahala mahali mahalia mahalie mahaz mahbeer mahboob mahbub mahdee mahdi mahdy maheen maher mahesa
mahfooz mahfud mahfuj mahfuz mahi mahigul mahika mahir mahire mahizer mahja mahlon mahmood mahmoud
mahmud mahmut mahnaz mahsun mahter mahulena mai maia maicol maida maidis maie maighread maija maik
maike maiken maikol maila maimuna maimunah maina maingi maira maire mairead mairin mairtin maisa
maise maisha maisol maisy maite maivi maiya maj maj-britt maj-lis maja majani majd majdi majdy
majeed majella majken major majvor makai makaila makala makan makara makarena makau makayla makeen
makena makenna makenzie makhi makini makokha makori maks maksim maksimiljan maksude maksur
maksymilian makunga makuta makuu mal mala malachi malachy malak malakai malaki malaya malcolm
malcom male malea maleah malen malena malene malfridur malgorzata malhildur malia maliah malik
malika malin malina malinda malio malissa malissie maliyah maliza malla malle mallie mallorie
mallory malmfridur malorie malou malte malthe malu malva malvin malvina malwina mamadou maman mame
mamen mamie mammie mamun man manaaki manabu manadis manaf manah manaia manan manawa manbir manca
manda mandi mandie mandla mandlakhe mandy manel manerva manervia maney manford manfred mani manie
manila manilla manja manley manly mannie manning manola manole manolo manon mans mansfield manson
mansurali mantas mante manthan manu manuel manuela manuelita manuella manuelle manus manya maqsud
mar mara mara-julie maraea maralyn maranda maras marbjorn marc marcantonio marcel marcela marcelina
marceline marcelino marcell marcella marcelle marcello marcellus marcelo marchello marcheta marci
marcia marcial marciano marcie marcin marcio marco marcos marcu marcus marcy mardell mardis mare
maree mareen mareike mareikura mareile marek mareks marel marela mareli marella marely maren marese
marey marfridur marga margana margaret margareta margarete margaretha margarethe margarett
margaretta margarette margarida margarita margarite margaritha margarito margaud margaux marge
margeir margene margeret margery marget margherita margie margit margita margitta margo margot
margoth margret margreth margrethe margrett margretta margrieta margrimur margrit margrith margrjet
marguerite margueritte margunnur margurite margus marguy margy marheidur mari maria maria-luise
maria-theresia mariadi mariah mariam marian mariana mariane marianela mariangela marianita mariann
marianna marianne mariano marias maribel maribeth marica maricel maricela maricica maricruz marie
marie-ange marie-anne marie-cecilie marie-christine marie-claire marie-claude marie-france
marie-francoise marie-helene marie-jeanne marie-jose marie-laure marie-line marie-louise
marie-luise marie-madeleine marie-noelle marie-paule marie-pierre marie-rose marie-sophie
marie-theres marie-therese mariechen marieke mariel mariela mariele mariella marielle marieluise
marietta mariette marija marijan marijana marijke marijn marijon marika mariko marilee marilena
marilla marilou mariluz marilyn marilynn marin marina marinda marine marinela marinella marinette
marini marinka marino marinus mario marioara mariola marion maris marisa marise marisel marisela
marisol marissa maristela marit marita marite maritta maritza mariuca mariuerla marius mariusz
mariyah marja marja-leena marja-liisa marjaana marjan marjana marjanca marjani marjatta marjeta
marjo marjon marjona marjorie marjory marjukka marjut mark markas markel markell marketa marketta
markita markku marko markrun markthor markus marla marlana marland marlaug marlee marleen marleigh
marlen marlena marlene marleny marley marlie marlies marliese marlin marlis marlise marlo marlon
marly marlyn marlys marlyse marni marnie marnita marnix marolina marolyn maron maroof maros marques
marquez marquis marquise marquita marri marrion marry mars marsa marselia marselina marsellius
marsh marsha marshal marshall marsibil marsilia marsito marsudi marsy mart marta martaka martana
martani marte marteinn martell marten martez martha marthe marthen marti martial martijn martika
martim martin martina martine martino martins martirio marton martta martti marty martyn martynas
marus marusa marva marvel marvin marwa marwata mary maryadi maryam maryann maryanne maryanto
marybelle marybeth maryellen maryjane maryjo marylee marylene marylin maryline marylou marylouise
marylyn maryse maryvonne marzena masa masako masao masar maside masika masinde mason massiel
massimiliano massimo massinissa masume mat matas mate matea matei matej mateja mateo mateus mateusz
matevz math matheo matheus mathew mathews mathias mathieu mathijs mathilda mathilde mathis mathys
mati matias matic matie matija matilda matilde matiss matiu matjaz mato matous mats matt matta
mattea matteo matthaus matthea matthew matthia matthias matthieu matthijs matthilda matthildur
matti mattia mattiana mattias mattie mattina matts matty mattye matunda matus matyas maua maud
maude maudie mauno maura maureen mauri maurice mauricette mauricio maurilio maurin maurine maurits
mauritz maurizio mauro maurus maury maurycy maverick mavie mavis mavuno max maxence maxi maxie
maxim maxima maxime maximiano maximilian maximiliano maximilien maximillian maximino maximo maximus
maxine maxwel maxwell maxx may maya maybell maybelle maye mayerly maykol mayme maymie maynard
maynur mayo mayra maysa mayte maza mazie mazlum mbithi mboya mbugua mburu mcarthur mcebisi mckayla
mckenna mckenzie mckinley meabh meadow meagan meaghan mearl mechelle mechthild mechthilde mechtild
mecide mecit meda medard medeja media medina medine medora meelis meera mees mefarettin mefharet
meg megan megane meggan megha meghan meghana meghann mehbare mehdi mehdiqulu mehdiye mehemmed
meherrem mehin mehman mehmed mehmet mehmetzahir mehrigul mehrimoh mehru mei-chen mei-chu mei-chuan
mei-feng mei-hua mei-hui mei-lan mei-li mei-ling mei-ying mei-yu mei-yun meibh meik meike meinhard
meinolf meinrad meja mekhala mekhi mekkin mekkino mel melaha melahet melania melanie melanine
melany melba melbourne melchior melchor melek meleknur meleyke melichar melihcan melikkan melina
melinda melisa melissa melissia melita melitta melker melkior melkolmur melkorka mell melle mellie
mellisa mellissa melodee melodie melody melonie melony melrakki melros melton melul melva melville
melvin melvina melvine melvyn melwin memili memmed memphis mena menachem mendy menfeat mengi menguc
menisan mensalder mensur mensure mentor meral merba mercedes mercer merche mercy mercyline merdi
mereana meredith merel meret merete merethe mergim meriem merijn merike merilyn merim merita merja
merkur merl merle merlene merlin merlyn merna merri merrie merrilee merrill merrily merritt merry
mert mertel mertie merton merva merve mervi mervin mervyn merwin mery meryem meryeme meryl merziyye
merzuk meshack meshur mesme messiah messiana mestur mesude mesut meta metanet metehan metha
methusalem metin metinkaya metka metod metrine metro metta mette mettie metusalem meveddet
mevludiye mevlut mey meyer meyhanim meyransa meyvant mezide mia miah mias micael micaela micah
micayla miceal micha michael michaela michaele michail michal michala michale micheal micheala
michel michela michelangelo michele micheletto michelina micheline michell michelle michelotto
michial michiel mick mickael mickey mickie micky mie mieke miel miesha mieszko migdalia migle
mignon miguel miguela miguelangel miha mihael mihaela mihai mihail mihajlo mihaly mihels mihhail
mihin mihkel mihnea mihrab mihriye miia miika mijo mik mika mikael mikaela mikaelina mikaere
mikaila mikako mikal mikala mikalah mikayil mikayla mike mikeal mikel mikelis mikels mikhail miki
mikjall mikkael mikkalina mikkel mikko miklos mikolaj mikulas mikyas mila milada milagros milan
milana milas milay milburn milcah milda mildinberg mildred mildridur mile milena miles miley
milford milica milissa milka milkah milla millaray millard mille miller millicent millie mills
milly milo milorad milos miloslav miloslava milosz milota milou milovan milton miluse mima mimi
mimir mimmi mimoza mimy min mina minda mindaugas mindi mindy minenhle miner minerva minervia ming
ming-che ming-chu ming-hui ming-hung ming-te ming-tsung minh minibe minna minney minnie minny
minodora minor minoru minta mintie minure mio mioara miodrag mir mira mirabela miracle miran
miranda miray mirbadin mircea mirco mirdza mireia mireille mirela mireli mirella mireya miriah
miriam miriama mirian mirja mirjam mirjami mirjana mirko mirlinda mirna miro miron mirona mironshoh
miroslav miroslava miroslaw miroslawa mirra mirriam mirsad mirta mirte mirtha mirthe mirtie miruna
miryam mirze misael mischa mishat mislav misra missie missouri missy mist misti mistie misty misuli
mitali mitch mitchel mitchell mitchelle mitesh mitica mitra mitrut mittie mituru mitzi mitzy miya
miyesser mizhir mjadveig mjalldis mjallhvit mjoll mjollnir mjolnir mkarkara mladen mlungisi mnqobi
moa modena modesta modesto modi modis modris modupe moe moeidur moesha moey mofifoluwa mogens
mohamad mohamed mohamedi mohammad mohammed mohamud mohand moheidur mohini mohinur mohlaroyim mohsim
moira moises mojca mojisola mojisoluwa mojmir moli mollie molly momanyi momoko mona monalisa monica
monicah monika monique monis monja monna monnie monroe monserrat mont montana monte montel
montgomery montie montrell montserrat monty moody mora moraa moradeke morayo mordechai mordur
moreen morena morenike moreno morgan morgane mori moriah moric morine morits moritz mork morolake
morris morten mortimer morton mose moses moshe mosi mosinmileoluwa mossie mosunmola motunrayo
mouloud mounir mourad moureen mourib mourine moussa moya moyosore mozell mozella mozelle mrihani
mthokozisi muarra mubariz mubetcel mubina mucahit mucellib mucevher muchiri muema mueni muferrih
mufide mufit mugambi mugber mugdha mugendi muggur mugo mugur mugurel muhallil muhamed muhamet
muhammad muhammadali muhammadamin muhammadamir muhammadayub muhammadaziz muhammadrizo muhammadsafo
muhammadsodiq muhammadsolih muhammadumar muhammadyasin muhammadyusuf muhammadziyo muhammed muhammet
muharrem muhazzim muhima muhip muhiye muhsina muhyettin muia muireann muiruri muizza mujde mujur
mukbile mukhwana mukramin mukrume muktedir mulayim mulele muli mulwa mulya mulyanto mulyono mumbi
mumo mumpuni mumtaz mumtaze mumtoz munda mundheidur mundhildur mundina munene munevver munezzer
mungai muni munif muninn munisa muntezir munyao munyoki murad murat muratcan murdock muret muriel
murielle muriithi murilo murimi murit murithi muriuki murl murod murphy murray murry mursalina
mursel mursinin mursita murti musa musafet musaffa musau musee musembi musemma musfira mushtariy
musila muskunaz muslim muslima muslum mustafa mustafo mustapha mustika mustofa musure musyoka
musyoki mutai mutasim muthama muthengi muthoka muthoni muthui mutia mutie mutinda mutiso mutisya
mutluhan mutua mutuku mutunga muturi muvaffak muvahhide muveddet muxlisa muxtar muzaffer muzayyana
muzdahir muzdalifa muzeffer muzekker muzhir mwamini mwanajuma mwanamisi mwangangi mwangi mwaniki
mwanzia mwasaa mwaura mwende mwendwa mwezi mwikali mwiti my mya myah mychal myer mykel myla mylee
mylene myles mylie myr myra myranda myriam myrkjartan myrkvi myrl myrle myrna myron myrra myrta
myrtha myrthe myrtice myrtie myrtis myrtle myrun mzamo na naadir naail naajy naasih naasir naathim
naazhim nabeeh nabeel nabhan nabigh nabih nabil nabila nacer nachiket nacho nacio nada nadeem
nadege nades nadeschda nadeshda nadezda nadhir nadia nadim nadin nadine nadir nadja nadr nae naeem
nael nafasat nafees nafesa nafii nafile nafis nafula nagi naglis nahashon nahiara nahide nahla
nahuel naiara naib naibe naide nail naile naim naima naimh nair naja najair najam najee najeeb
najib najuma najwa naki nakia nakif nakip nakisha nakita naksh nakul nalan nalar naliaka nallely
nam namiq namon nan nana nanami nanci nancie nancy nand nandini nando nandor nane nanette nanie
nanjala nanna nannette nanni nannie nanny nansy naoimh naoise naoki naoko naom naoma naomh naomi
naomy naoto napoleon napoleone naradi narcis narcisa narciso narcisse narcissus nardi narfi
narhanim narimane naringul narji nas nasab naser nash nashipie nasiba nasim nasir nasiru nasra
nasrullah nassim nastja nasuf nat natacha natalee natali natalia natalie natalija natalio natalja
nataly natalya natan natanael nataniel natasa natascha natasha natasja natasza nate natella natevan
nath nathalia nathalie nathaly nathan nathanael nathanial nathaniel nathari nathasha nathen natiq
natividad natosha nattawun nattmordur nattsol nattulfur naud nautica naveen nawal nayara nayaret
nayareth nayeli nayely nayfa nayibe nayil naz nazaret nazario nazende nazi nazidil nazile nazim
nazime nazimet nazir nazli nazlihan nazlim nazmi ndegwa nderitu ndirangu nduku ndumiso ndung'u
ndunge ndungu nduta nea neal nealie nealy neasa nebih nebiha nebojsa necati necdat necef nechifor
necilal necmettin necva ned nedas nedda nedjma nedra needham neel neelima neely neema nefaret
nefise nefiye neftali neha nehemiah nehip neider neil neill neisti neja nejc nejdet nekesa nel nela
nelah nelcy nelda nele nelia nelida nelie nelima nelio nell nella nelle nelli nellie nello nelly
nels nelson nelsy nelu nelya nemanja nena nenad nenna nenni neo neola neoma neppie neptun neptunus
nerea nereida nergiz neriban nerijus nerim neriman neringa nermin nermine nery nesfe nesib nesimi
nesip neslinur neslisah nesrin nesrine nessa nestor neta nete netra netta nettie neva nevada nevaeh
neval neveah nevenka nevgin neville nevin nevio nevise nevsal nevsale newell newman newt newton
neyran neza nezaket nezengul nezihi nezize nezrin ng'ang'a ngaire ngamia nganga ngari ngeni ngigi
ngoc ngozi ngugi nhien nhlanhla nia nial niall niamh niara nibaldo nicanor nicat niccolo nichakarn
nichelle nichifor nichol nichola nicholas nicholaus nichole nicholus nick nicki nicklas nicklaus
nickolas nickson nicky niclas nico nicoara nicodemo nicodemus nicodim nicol nicola nicolae nicolai
nicolaie nicolaj nicolas nicolasa nicolaus nicole nicoleta nicoletta nicolette nicoline nicolle
nicolo nicu niculina niculita nicusor nicuta nidbjorg nidhi nidia nidra niek niels nienke nieves
nigar nigel nigesa nigmet nihad nihai nihal nihan niharika niilo niina nik nika nikanor nikau
nikhil niki nikia nikita nikki nikko niklas niklaus niko nikodem nikol nikola nikolai nikolaj
nikolajs nikolaos nikolas nikolaus nikole nikolett nikoletta nikolina nikora niks niksa nikulas nil
nila nilam nilcan nilda nile niles nili nilima nilo nils nilson nilufar nim nimakoah nimrat nina
ninetta nini ninioluwa ninja ninna ninnie nino ninoska ninthe nira niracha nirgul nirja nisa nise
nisha nita nitara nitesh nives nixon niyaga niyaz niyazi niyilolawa njabulo njagi njala njall
njenga njeri njeru njiru njogu njoki njola njordur njoroge njozi njue njuguna nkazimulo nkiruka
nnamdi nneka noa noah noam nobantu nobie noble nobuhle noe noel noeleen noelia noeline noella
noelle noemi noemie nohely nohora noi noirin nojus nokkvi nokulunga nola nolan nolberto noleen
nolen nolia nolie nollaig noma nomagugu nomalanga noman nomasonto nomathalente nomathemba nomcebo
nomthandazo nomusa nomvula nona nonhlanhla noni nonie nonjabulo nonni nonso noor noora noortje
noppakao nora norah norbert norberto norbey nordmann nore noreen norene noreta noretta nori norica
norina norine norita norma norman normand normann normunds norris north norton norval norwood
notburga nothando nott noud nour nout nova novella november novi novreste novruz noxolo nozibusiso
nozima nozizwe nqobizitha nrima ntimi nuala nubar nubia nudret nugraha nuhu nula numi nuno nunzio
nura nural nuran nurane nuray nurbanu nurcan nurda nurdeniz nureddin nuretdin nurettin nurey nurgil
nurhayet nuri nuria nuriat nurice nuriya nuriyet nurkan nurlan nurlana nurmelek nurmuhammad nursan
nurseda nursen nurser nurseref nursim nurtac nurten nuru nurul nurulla nurullah nurveren nury nusa
nusabe nusirevan nusret nutcha nutkrita nutwadee nuyan nwabudike nya nyaboke nyaga nyah nyakundi
nyamai nyambura nyana nyanchama nyasi nyasia nyawira nybjorg nydia nyla nylah nynke nyoka nyoman
nyongesa nyoni nyota nyree nyuki nyvard nzioka nzomo oakley oana oba obaid obanijesu obdulia obe
obed obianuju obie obinna ocampo oceane ochieng ocie octa octav octave octavia octavian octaviana
octavie octavio octaviu octavius oda odalis odalys odd odda oddbergur oddbjorg oddbjorn oddfreyja
oddfreyr oddfridur oddgeir oddgerdur oddhildur oddi oddie oddkell oddlaug oddleif oddleifur oddmar
oddny oddrun oddsteinn oddthor oddur oddvar oddveig oddvor odelia odeline odell odessa odette
odhiambo odhran odie odika odile odin odina odinn odis odkanli odongo oduor odus oeshi ofeigur
ofelia ofeliya offie oganer ogden oge ogechi oget ogmunda ogmundur ogn ogooluwa ogri ogulbas
ogurata ogus oguzman oisin oiva oivind ojas ojasvi ojvind okanay okbay oke okechukwu okello okey
okguclu okkas okoth okseven okta oktavia oktavius okto oktovia oktovius okturemis okturk okumu
okyalaz ola oladare oladimeji olaf olafia olafina olafur olajumoke olakunle olalla olan oland
olanrewaju olansile olar olasunmbo olav olavi olavia olca oldag oldrich ole oleg olegario olen
olena olene oleta olevia oley olfert olga olgeir olgerts olgierd oli olie olimpia olimpian olimpiu
olin olina olinda oline oliva olive oliver olivert olivia olivie olivier olivija olivine oliviu
oliwer oliwier olle olli ollie olly olnir olof ololade oloo olov olrun oluchi olufunke olufunmilayo
olumorotimi oluoch olus oluwafemi oluwagbemiga oluwakemi oluwamumibori oluwamuyiwa oluwasanmi
oluwasegun oluwole olveig olver olvir olwen olwethu olympia om oma omaca omair omaira omaja oman
omar omari omarion omeir omer omi omie omina omisha omkaar omobobola omobolanle omodunni omolabake
omolara omondi omosalewa omotara omotayo omotola omotoun omowumi omran omriye omur omya ona onat
oncel ondieki ondolfur ondrej oneal oneida onel onesmus oneta oney ongay ongen oni onie onkar onni
onnie onofre onsal onuker onundur onur onurcan onursu onveer onyango onyinye oona oonagh opal opan
opha ophelia ophelie opiyo opung opwonya oqtay ora orah oral oralia oran orange oranli orazio
orbrun orcin orduxan orelia oren orene oreofe orestas oreste orfelina orfeus orfhlaith orfiye orgun
orhan oriana orie orik orilla orin orinder orion oris orjan ork orka orla orlagh orlaigh orlaith
orland orlando orlaugur orlena orley orlin orlo orlygur orma ormar ormheidur ormhildur ormur orn
orna ornella orni ornolfur orpha orra orren orri orrie orrin orris orsolya orson ortak ortansa
ortrud ortrun ortwin oruc orval orvar orvel orvil orville orvin orvis orvokki orxan oryurek osa
osama osamu osbaldo osborn osborne oscar osha osie osiyo osk oskar oskari oskars osman osmo osogo
osp ossama ossi ossian ossie ossur osten osunleke osvald osvaldo osvalds osvaldur osvifur oswald
oswaldo oswin ota otabek otakar otavio otay otelia otfried otha othel othmar otho otieno otilia
otilija otis otkatla otkell otmar oto otri ott otta ottar ottarr ottavio ottfried otti ottie
ottilia ottilie ottis ottmar otto ottokar ottomar ottone otur otylie ouanes ouida ouma oussama outi
ova ove over ovid ovidio ovidiu ovila oviya ovli ovun owais owe owen owens owethu owino owuor oxana
oxar oyenike oyindasola oymak oysha oystein oyvind ozakan ozalpsan ozana ozansu ozaslan ozay ozbay
ozbilek ozbilge ozcam ozdal ozdes ozdil ozdogdu ozel ozell ozella ozerdinc ozertem ozge ozger ozgun
ozgur ozie ozinal ozioma ozkent ozkutlu ozlem ozlu ozokcu ozpetek ozpinar ozsozlu oztek ozturk
ozudogru ozy ozyurt ozzie paavo pabla pablo paca pachongruk pacifica paco pada padma padmi padraic
padraig padraigh padraigin page pahal pai-han pai-hung pai-jui pai-lin pai-yen pai-yu paige paiman
pairlee paisley paityn paivi paivikki pak paker pakize pakjira paksu pal pala paldis paley
palfridur palhanna palheidur palhildur palin palina pall pallavi palle pallie palma palmar palmer
palmey palmfridur palmi palmira paloma palrun pam pamala pambe pamela pamelia pamella pamfil
panagachie panait panca pancho pandora pandu panfilo pangeran pangestu panini panji pankrac
pannawich pansy panya pao-chu paola paoletta paolo par paralee paramita paraschiva pardi paride
parin paris park parker parlee parley parman parmes parrish parsa parth parthenia parvez pasa
pascal pascale pascaline paschal pascual pascuala pasi paskalia pasqual pasquale pastor pastora pat
patchaploy patcharaporn pate patience patrek patrekur patric patrica patrice patricia patricie
patricija patricio patrick patrik patrisia patrizia patrizio patru patryk patsy pattamon pattapon
pattatomporn patti pattie patty pau paul paul-gerhard paul-heinz paula paule pauletta paulette
pauli paulica paulien pauliina paulin paulina pauline paulino paulius paulo pauls pauric pavani
pavao pavel pavla pavlina pavol paw pawan pawel paxton paye payten payton paz peace peadar peader
pearce pearl pearla pearle pearlene pearley pearlie pearline pearly pearse peder pedro peem peer
peeter peggie peggy pehlil pei-shan pekka pekkan pelaji pelayo pelle pellegrino pembesin penelope
penina peninah penni pennie penny pentti pepe pepijn pepita pepito pepper per per-erik per-olof
percival percy peren peri perinur peris perisan perkasa perla perley perlita permelia permun
pernell pernilla pernille pero perri perrine perry pershing pertti pervaiz pervane pervin pervine
perviz pesent peta petar pete peter peter-michael peteris peterson petr petra petrana petras petre
petrea petri petrica petrina petrisor petrona petronela petronella petronila petros petru petrun
petrunella petrus petrut petruta petter petteri petur peyton phanice phebe phelim phelix
phenphitcha pheobe phil phileine philemon philip philipp philippa philippe philippine philis
phillip phillis philo philomena philomene phineas phoebe phoenix phubes phuc phylicia phylis
phyliss phyllis pi-chu pi-hsia pi-yun pia piaras piedad pien pier pierangelo pierce pierette
piergiorgio piergiuseppe pierina pierluigi piermaria piero pierpaolo pierre pierre-yves pierrette
piersanti piet pieter pieter-jan pietra pietro piia pijus pilar pili pim pin-jui pin-yen pin-yu
pina ping pink pinkey pinkie pinkney pintusorn pio piotr piper pippa pirahmet piran piret pirjo
pirkko pirmin piroska pitipat pius pjetur placido pleas pleasant ples plesu pleun plinio pluma
plummer po-wen pol polad polina polk pollie polly polona polonca pompeo pompilia pompiliu pomponio
poncio pontus pooja popobawa poppy porfirio pornchanok porsche porsha porter portia posey poul
povilas powell praba prabawa prabowo prabu prakosa prames pranata pranav pranawa praneel pranit
prasetya prasetyo pratt pratyush pravoslav prayitna prayoga prayogo preben precious predrag premysl
prentice prentiss presley press preston pria price pricilla priit prima primitiva primitivo primus
prince princess prior prisca priscah priscila priscilla priscillah prisha priska priya profira
prokop prosper prudence prudencia prudencio prudie pryor przemyslaw puccio puck puji puk pumbaa
punhan puntira puput purcek purificacion purity purl purwa purwadi purwanto pushti puspa puti putri
putu qaadir qaasim qabeel qabil qadar qadeer qadi qadim qadir qahtan qaim qais qalib qamar qani
qanit qaratel qareeb qarin qaseem qasid qasif qasim qatadah qawee qay-yoom qays qedir qelender
qenire qesem qezenfer qiana qiang qiyas qizbes qonce qori qosqar quadir quang qudamah quddoos
qudoos qudret queen queenie quentin quiana quincy quinn quint quinten quinter quintin quinton
quinty quique quirino qulam qulu qumru qurban qusay qushi qutaybah qutb qutub raaghib raagini
raahil raakin raamis raamiz raashid raatib rabah rabar rabb rabbaanee rabbani rabbiye rabea rabecca
rabee rabi rabiah rabih rabit racha rachael rachana racheal rachel rachele rachelle rachid rachida
rachit rachita racquel rada radek radeke raden radgeir radha radhee radhika radhildur radi radika
radim radit raditya radka radmila rado radomir radoslav radoslava radoslaw radovan radovana radu
raducu raduz radvardur radvile rae raed raees raegan raekwon rael raelyn raelynn raewyn raf rafa
rafael rafaela rafaella rafal rafan rafay rafe rafee rafeek rafeeq raffael raffaela raffaele
raffaella raffaellino raffaello rafi rafia rafid rafih rafila rafiq rafn rafnar rafney rafnhildur
rafnkell raghav ragheb raghib ragna ragnar ragnbjorg ragner ragney ragnfridur ragnheidur ragnhild
ragnhildur raguel rahab raharja rahat rahayu raheel raheem rahel rahiye rahma rahman rahmat rahmet
rahmi rahn rahsaan rahul raid raiden raife raihan raija raik raili raimo raimondo raimonds raimund
raimundo raina rainer raisa raissa raivis raivo rajab rajata rajeshri rajko rakeem rakel rakide
raksha raleigh ralf ralf-dieter ralf-peter ralph raluca rama ramadan ramadhan ramazan ramid ramil
ramile raminta ramiro ramiz ramon ramona ramsey ramunas ramune ramzi ran rana ranbir rance rand
randal randalin randall randel randell randi randidur randle randolf randolph randver randy rangga
rani rania ranieri ranka rannva rannveig rannver ransom ranveer raoul raphael raphaela raphaelle
raquan raquel rares ras rasa rashaad rashaan rashad rashawn rasheed rashid rashida rashidi rasim
rasime rasma rasmus rastislav rasul ratchanon ratih ratna raul rauno raven ravi ravy rawiri ray
rayaan rayan rayana rayburn rayen rayfield rayford rayhona rayla raymon raymond raymonde raymund
raymundo rayna raynard rayne rayshawn rayyona razi raziye razvan reagan reanna reason reatha reba
rebeca rebecca rebecka rebeka rebekah rebekka rebihat recep recepali red reda redden redmond reece
reed reese reet refet refik refiqe refugio refur regan regena regenia reggie regina reginal
reginald reginbaldur reginbjorg regine reginn regis regitse regitze regula regulo rehaan rehema
rehile rehime rei reid reidar reidun reifnir reijo reilly reimar reimer reimund rein reina reinald
reinaldo reinar reine reinel reiner reingard reinhard reinhardt reinhart reinhild reinhilde
reinhold reinis reino reis rejane reka reksa rella relu remazan rembrandt remedios remi remigio
remington remo remus remy remzi remziyye rena renaat renada renae renaldo renan renard renata
renate renato renaud rendy rene renea renee rengul reni renita rennie reno rens renske renzo
reqsane resad reshoni resi resid resmiyye respati ressie restu resul resulcan reta retha reto retta
rettie reuben reubin reva revza rex rexford rexhep rexsende rey reyansh reyes reyhan reyhane reyn
reyna reynald reynaldo reynar reyndis reynheidur reynhildur reynir reynold reynolds reyr reza rezin
rezzak rhavi rhea rheta rhett rhian rhianna rhianne rhiannon rhoda rhona rhonda rhys ria riad rian
rianna rica ricarda ricardas ricardo ricards riccardo ricci ricciotti rice rich richard richardt
richelle richie richmond rick rickard rickey ricki rickie ricky rico rida ridge ridhi ridwan
rifkiye rigmor rigo rigoberto rihanna rihards riikka riina riitta rik rika rikard rikardur rikey
rikhard rikhardur rikka rikke rikki riku riley rilla rillie rim rimante rin rina rinaldo rinda rini
rino rinor rio ripley risa risalet risasi rishi risper risto rita ritchie ritt ritva river riya
riyad riza riziki rizki rizvan roan roar rob robb robbe robbie robbin robby robert roberta robertas
robertina roberto roberts robin robinson robiya robjorg robley robt roby robyn rocco rochdi
rochelle rochus rocio rock rocky rod rodah roddy roderic roderich roderick rodger rodgers rodica
rodney rodolfo rodolphe rodrick rodrigo rodrigue rodull roe roel roeland roena rofn rogelio roger
rogers rogn rognvald rognvaldur rognvar rohaan rohan rohat roise roisin rojnu rojus rok rokas
rokkvi roko roksana roland rolanda rolandas rolande rolando rolands rolant roldan rolf rolf-dieter
rolf-peter roll rolla rolland rollande rollie rollin rollo roma romain romaine roman romana romane
romanita romano rome romello romeo romie romina romolo romona romuald romualdas romulo romulus romy
ron rona ronal ronald ronaldo ronan ronda rondal roni ronin ronith ronja ronke ronna ronni ronnie
ronny rono rony ronya roope roos roosa roosevelt roque rori rory ros rosa rosa-maria rosabelle
rosalba rosalee rosaleen rosalia rosalie rosalina rosalind rosalinda rosalinde rosaline rosalva
rosalyn rosamel rosamond rosann rosanna rosanne rosant rosar rosaria rosarie rosario rosaura
rosberg rosbjorg rosborg rosco roscoe rose rose-marie roseann roseanna roseanne rosel roselia
roselinde roseline rosella roselyn roselyne rosemarie rosemary rosena rosenberg rosenda rosendo
rosetta rosette rosevelt rosey rosfridur roshildur rosi rosia rosie rosina rosinberg rosinkar
rosinkara rosinkrans rosinkransa rosita roska roskva rosl roslaug roslin roslind roslinda roslyn
rosman rosmann rosmarie rosmary rosmunda rosmundur rosny ross rossa rossana rossie rostislav
roswell roswita roswitha rosy rotich rotraud rotraut rouven rovsane rovsen rowan rowena rowland
roxana roxane roxann roxanna roxanne roxelana roxie roxy roy roya royal royale royce roza rozalia
rozalija rozanne rozella roziya rozsa rua ruairi ruari rubabe rubani rubar rube ruben rubeyda rubi
rubie rubiela rubin ruby rubye rudecindo rudi rudiger rudite rudolf rudolfo rudolfs rudolph rudra
rudy rueben ruedi ruel rufet ruffin ruffus rufina rufino rufus ruggero ruggiero rugile ruhengiz
ruhide ruhiu ruhiyye ruhsat ruhshona ruhugul rui ruie rukia ruknettin rumaysa rumeysa run runa
runar rundis rune rungo runhildur runi runny runolfur rupert ruperta ruperto ruqayya ruqiya ruqiyye
ruri rurik rusen rush rushil ruslan rusman rusne russ russel russell rustin rusty rusul rut ruta
rute ruth rutha ruthann ruthanne ruthe rutherford ruthie ruthild rutur ruwaihim ruxanda ruxandra
ruxsare ruy ruza ruzena ruzica ryan ryann ryder ryker rylan ryland rylee ryleigh ryley rylie rym
ryma ryne ryohei ryosuke ryszard ryte rytis rza s'fiso saabir saad saadat saadiq saafir saahir
saaiq saajid saal saalih saalim saanvi saaqib saar saara saariyah saba sabah sabahat saban sabar
sabari sabas sabastian sabatino sabbir sabeeh sabettin sabih sabihe sabil sabin sabina sabine sabiq
sabir sabire sable saboor sabra sabri sabrina sabur saburah sacha sachi saci sacide sad sada sadaka
sadan sadao sadaqat sadat saddam sade sadeed sadeti sadia sadie sadik sadiki sadiman sadina sadiq
sadittin sadiye sadye saeberg saebergur saebjorg saebjorn saebjort saeborg saedis saefinna
saefridur saehildur saei saelaug saelaugur saemann saemunda saemundur saeny saer saeros saerun
saesol saethor saeunn saevald saevaldur saevar saevarr saevin saevor safari safet safia safii
safina safinaz safir safiri safiya safta safura saga sagcan sage sagit sahat sahdiye sahibe sahigul
sahil sahin sahinbey sahinder sahir sahlar sahmar sahmettin sahnaz sahnuray sahra sahveled sai said
saida saidi saiful saige saim saint sair sairah saire saka sakari sakarias sakina sakip sakir
saksham sakti sakura sal salah salami salbjorg saldis saleh salena salgerdur sali salih salim
salima salimah salimet salin salina salka salkin sallie sally salma salman salmann salmar salny
salohiddin salome salomea salomey salomon salsabila salud salurbay salvador salvar salvatore salvi
salvor salwa sam samahat samaksh samama samandar samanta samantha samar samara samarth samatha
samesh sami samiah samie samiha samil samina samir samira samire samiya samiyah sammie sammy samo
sampson samson samsul samu samual samuel samuele samuli samurtay samwel samweli samxal samy sanaa
sanai sanavber sanaya sancak sancar sancho sanda sandalio sandel sander sanders sandi sandie
sandile sandis sandor sandra sandri sandrine sandro sandu sandur sandy sanela sanford sani sanije
sanita saniya saniyah sanja sanjar sanjuana sanjuanita sanli sanna sanne sanni sannie santa santana
sante santeri santia santiago santina santino santo santos sanur sanya sanziana saoirse saood sapa
saphira sara sarabi sarafina sarah sarah-jane sarah-louise sarahi sarai sardor sargin sari sariah
saricabay sarina sarita sarka sarlota sarmite sarpkin sarrah sarthak sarunas sarunporn sarvan
sarvar sarvinoz sarya sasa sascha sasha saskia saso sathvik satia satomi satrettin satu saturnina
saturnino satya saul saulius saumu saumya saundra sauti sava savak savana savanah savanna savannah
saverio saveta savilla savina savion savki savni savon sawyer saxi sayali sayan saydam saygin sayin
sayrak sayuri sazime scarlet scarleth scarlett scarlette schley schuyler scot scott scottie scotty
seaborn seadet seamus sean sean-paul seana seanan seaneen seanna sebastiaan sebastian sebastiano
sebastiao sebastien sebastijan sebastjan sebattin sebigul sebine sebire sebla sebrina sebuhi secgul
secme seda sedaqet sedat sedife sedrick sefa sefania sefer sefi sefiqe sefiye sefure segilola
segismundo segundo seha sehamet sehel seher sehla sehreban sehrebanu sehza seide seif seifur seija
seimur sejda sekim selah selaheddin selale selatin selcan selcen selcuk seldon selena selene seler
selim selime selin selina seline selja selka selma selmer selmin selvi sem sema semaj semat semaye
semed semender semenica semine semir semra semrin semsettin semsinisa semsiyye sena senad senan
sencar sendogan seneca senia seniha senkal senn senna senne sennur senol senora senta senuber seona
seosamh sep sepp seppe seppo septi septima sera seracettin serafeddin serafet serafin serafina
serah seraina serban serda seref serefeddin sereina serena serencam serenity serezli serfinaz serge
sergei sergej sergey sergio sergiu sergius serhatmehmet serina serine seriyye serkan serma serman
sernur serol serpil servac server servinaz serxan sesar seselia sesil sesilia sessa sesselia
sesselja sessilia seth setya sevara sevcan sevdi sevdinar seve sever severiano severin severina
severine severino severo severt sevgen sevginur sevican sevil sevim sevinc sevinch sevindik sevket
sevketfeza sevla sevsevil seward sexavet seyda seydo seye seyfeddin seyfulla seyfullah seyhan
seyithan seymour seymur seyran seyyide sezal sezen sezginbas shaban shad shade shadrack shae
shafter shahina shahnoza shahriyor shahzod shahzoda shaina shakila shakira shalon shalonda shamar
shameka shamika shamsuddeen shan shana shanae shanda shandra shane shaneka shanell shanelle
shanequa shani shania shanice shaniece shanika shaniqua shanita shaniya shanna shannan shannen
shannon shanon shanta shante shantel shantell shaquan shaquana shaquille shaquita shara shardae
sharday sharde sharee sharen shari sharif sharita sharla sharleen sharlene sharman sharon sharonda
sharron sharyl sharyn shasta shatara shaun shauna shauneen shaunna shaurya shavon shavonne shawana
shawanda shawn shawna shawnda shawnee shawnna shawnte shay shayla shaylee shayna shayne shea
sheamus shedrick sheela sheelagh sheena shehu sheila sheilah sheilla sheillah shekoni shelba shelbi
shelbie shelby sheldon shelia shelley shelli shellie shelly shelton shelva shelvia shelvie shem
shemar shena sheng-hsiung shenna shep shepherd sheree sheri sheridan sherie sherilyn sherita
sherlyn sherman sheron sherree sherri sherrie sherrill sherron sherry sherryl sherwin sherwood
sheryl sheryll sheyla shianne shida shiela shih-chang shih-han shih-ming shiloh shinead shira shirl
shirlee shirleen shirlene shirley shirleyann shirlie shivani shivansh shohei shohjahon shohrux
shoji shon shona shonda shonna shota shpresa shqipe shravya shreya shu-chen shu-ching shu-chuan
shu-fang shu-fen shu-hua shu-hui shu-ling shu-mei shu-min shukrona shyann shyanne shyheim shyla sia
sian sibbie sibel sibilla sibille sibonelo sibongile sibusisiwe sibusiso sibyl sibylla sibylle sid
sidar siddharth siddie side sidiq sidiqe sidki sidney sidonia sie siebe siegbert siegfried sieghard
sieglinde siegmar siegmund siegrid siegried siegrun siegward siem sien siena sienna sierra sif sifa
sifuna sigbergur sigbert sigbjartur sigbjorn sigdis sigdor sigdora sigfastur sigfinnur sigfredur
sigfrid sigfrido sigfridur sigfried sigfus sigga sigge siggeir siggerdur sighvatur sigismund sigita
sigjon siglaugur siglinde sigmann sigmar sigmund sigmunda sigmundur signa signar signe signhildur
signy sigri sigrid sigridur sigrikur sigrun sigsteinn sigthor sigthora sigthrudur sigtryggur sigtyr
sigur sigurast sigurasta sigurbaldur sigurbara sigurberg sigurbergur sigurbirna sigurbjarni
sigurbjartur sigurbjorg sigurbjorn sigurbjort sigurborg sigurbrandur sigurd sigurda sigurdis
sigurdor sigurdora sigurdrif sigurdrifa sigurdur sigurey sigurfinna sigurfinnur sigurfljod
sigurgeir sigurgeira sigurgestur sigurgisli sigurgrimur sigurhanna sigurhans sigurhelga sigurhildur
sigurhjortur sigurjon sigurjona sigurkarl sigurlas sigurlaug sigurlaugur sigurleif sigurleifur
sigurlidi sigurlilja sigurlin sigurlina sigurlinn sigurlinni sigurmann sigurmar sigurmon sigurmunda
sigurmundur sigurnanna sigurnyas sigurnyjas siguroddur siguroli sigurosk sigurpall sigurros
sigursteina sigursteinn sigursveinn sigurthor sigurthora sigurunn sigurvaldi sigurveig sigurvin
sigurvina sigvaldi sigvard sigvardur sigyn sihawukele siim siiri sijuade siku sil sila silan
silanur silas sile silfa silfrun silja silje silka silke silla sille silli silondile silva silvan
silvana silvano silver silvester silvestre silvestro silvia silvian silviana silvie silvija silvio
silviu silvo sim sima simao simas simber sime simen simeon simi similoluwa simina simion simisola
simiyu simmie simo simon simona simonas simone simonetta simonia simonne simphiwe simphiweyinkosi
simpson simten simuzer sina sinaida sinan sinasi sincere sinda sindre sindri sindy sine sinead sing
sini sinica sinikka sinisa sintija siobain sioban siobhain siobhan siofra sione siper siphesihle
sirac sirap siri sirin sirivan sirje sirkka sirnir siro sirpa sirra sirriye sirry sirus sirzad sisi
siska sisko sissel sister sita sitare sithembiso siti sitiwat sittik sittikorn siv sivar sivert
sixi sixten sixto siya siyabonga siylihan sjafnar sjoerd sjofn skaer skaeringur skafti skaidrite
skapti skarphedinn skarpheidur skefill skeggi skender skidi skip skirnir skjoldur skolastika skorri
skugga skuggi skula skuld skuli skulina skuta sky skye skyla skylar skyler slade sladjana slamet
slava slavena slavica slavisa slavka slavko slavomir slavomira slawomir sloane slobodan smaranda
smari smidur smilte smith smyrill snaebjartur snaebjorg snaebjorn snaebjort snaeborg snaebra
snaedis snaefridur snaeholm snaelaug snaelaugur snaer snaeringur snaeros snaerun snaethor snaevar
snaevarr sneha sneider snezana snjafridur snjaka snjezana snjofridur snjoki snjolaug snjolaugur
snjolfur snorra snorri snot socorro soffanias soffia sofi sofia sofiane sofie sofija sofonias sofus
sohret sokmen sokrates sol sola solange solberg solbergur solbjartur solbjorg solbjorn solbjort
solborg solbra solbrun soldis soldogg sole soledad soleh solene soley solfridur solgerdur solhildur
soliha solimann solin soline solkatla sollilja solma solmar solmaz solmundur solny soloman solomon
solon solros solrun solva solvar solveig solvej solver solvey solvi solvin solvina solvita solvor
somadina somer sommer somtochukwu son sona sonad sonata sondra sondre songul songurkan sonia sonja
sonji sonke sonnur sonny sonya sophanias sophia sophie sophie-louise sophie-marie sophronia sophus
sophy soraia sorana sorawut soraya sorcha soren sorin sorina sorine sorli sos sosimo sotaro souad
soufiane souma soumia sovket sowande soydaner soykan soykut soyler soyselcuk sozer spartakus spela
spencer spenser speranta sphiwe spoi spordi spring spurgeon squire srecko ssu-yu stacey staci
stacia stacie stacy staffan stafford stan stana stanca stancu stanford stanislaus stanislav
stanislava stanislavs stanislaw stanka stanko stanley stanton stapi star starkadur starla starling
starr starri stasia stavros steen stef stefaan stefan stefana stefani stefania stefanie stefanija
stefanny stefano steffen steffi stefica stefka stefnir stein steina steinar steinarr steinberg
steinbergur steinbjorg steinbjorn steinborg steindis steindor steindora steiney steinfinnur
steinfridur steingerdur steingrimur steinhildur steini steinkell steinlaug steinmann steinmar
steinmodur steinn steinolfur steinrodur steinros steinrun steinthor steinthora steinunn steinvardur
steinvor stela stelian steliana stella stellah stellan steluta sten stepan stepanka stephaine
stephan stephane stephani stephania stephanie stephany stephen stephene stephenie stephon sterling
sterre stetson stevan steve steven stevie steward stewart stian stien stig stigheidur stigrun
stigur stijn stilla stina stine stirnir stiven stjarna stjepan stojan stone stonewall stoney storm
stormur stormy storolfur stuart sture sturla sturlaugur sturri styr styrbjorn styrgerdur styrkar
styrmir styrr su-chen su-chin su-ching su-chu su-lan suat suayp subhan subomi subutiye sucaettin
suceddin suci sudabe sudi sudie sudiksha sue suellen sugra suha suhani suheyda sukri sukru sukufe
sukur sula suleiman suleyla suleyman sulhi sullivan sultane sumarlidi sumarlina sumarros sumayya
sumerya sumeyye summer sumner sunay sunday sune sunel suner sungara sunna sunnefa sunneva sunniva
sunny sunshine supasit supasita suphi sureyya surya susam susan susana susanita susann susanna
susannah susanne suse susen susi susie sussanne sussie suus suvakit suvari suvi suwijuk suzan
suzana suzann suzanna suzanne suze suzer suzette suzie suzy svafa svafar svafnir svala svali
svalrun svan svana svanberg svanbergur svanbjorg svanbjorn svanbjort svanborg svandis svaney
svanfridur svangeir svanheidur svanhildur svanholm svanhvit svani svanlaug svanlaugur svanmundur
svanros svante svanthor svanthrudur svanur svatopluk svatoslav svava svavar svea svein sveina
sveinar sveinberg sveinbjartur sveinbjorg sveinbjorn sveinborg sveindis sveiney sveinfridur
sveingerdur sveinhildur sveinjon sveinlaug sveinlaugur sveinmar sveinn sveinros sveinrun sveinsina
sveinthor sveinungi sveinveig sven sven-erik sven-olof svend svenja svenning sverre sverrir
svetlana svetozar svolnir svorfudur swala swaleh swantje swen swetlana syahrini sybil sybilla
sybille syble sydell sydnee sydney sydni sydnie syed sylas sylgja sylivia sylke sylva sylvain
sylvaine sylvan sylvana sylvania sylvanus sylvere sylvester sylvia sylviane sylvianne sylvie sylvio
sylwia symone synnove syreeta syrus sys szabolcs szilard szilveszter szilvia szymon ta-tanisha
taahaa taahir taaj taalib taamir taanish taariq tab taban tabassum tabatha tabea tabetha tabish
tabita tabitha taciddin tacnur tad tadas tade tadeas tadeen tadej tadeja tadeo tadeusz tadhg
tafazal taft tagangul tage taha tahaw-wur tahawwur taheem tahir tahj tahmaseb tahmeed tahmid tahoor
tahseen tai taial taichi taimur taina taine taisir taisto taj taja tajammal tajammul tajudinn tajus
takatifu takisha takuma tal tala talal talan talat talayer talen talha talhah tali talia talib
talibe taliyah tallie talmadge talmage talon tama tamala tamam tamanna tamar tamara tamas tamasa
tamatha tamati tamaydin tambika tambra tameka tamekia tamela tamera tami tamia tamica tamie tamika
tamiko tamilla tamisha tammi tammie tammy tamra tamu tamya tan tana tanak tanay tanbay tandogdu
tandri tandy tane taneli tanesha tangaroa tangela tangul tanguy tanhan tania tanika tanimu tanir
tanish tanisha taniya taniyah tanja tanmayi tanner tanpinar tanses tansev tansig tantri tanveer
tanvi tanya tanyolac tanyu tao tapani tapio tara tarah taraji tarak taranci tarfaan tarfur tari
tarik tariq tariyel tarja tarmo taro tarsha tartis taru taryn tarzicius tasar tasdik tasha tashina
tasia taskan tasnim tassilo tasvir taswir tate tatia tatiana tatianna tatjana tatsuo tatu tatum
tatyana tatyanna taufan taufik tauno taurean taurus tautvydas tavares tavaris tavian tavion tavon
tawana tawanda tawanna tawkeel tawny tawnya taya tayaydin taygan tayla taylak tayler taylor
tayshaun tayyibe tayyip te tea teagan teber tecimer tecla ted teddie teddy tedi teea teela teemu
teena teerth teetat tegan teguh tehmine teija teitny teitur teja tejas tejs tekbay tekecan tekiner
tekla teknaz teksoy telemaco telim tella tellervo telly telma telman telmo telse temidayo temime
temir temirhan temistocle temizkal tempie temucin tena tenika tenis tenisha tennessee tennie
tennille tenvir tenzin teo teobaldo teodor teodora teodoro teodors teodosia teodosio teofil teofila
teofilo teohari teona tera terance terane tercan tere terell terence teresa terese teresia teresiah
teresita teressa terez tereza terezia terezija terhi teri terina terje terlan tero terra terrance
terrell terrence terri terrie terrill terry terttu tess tessa tessie teun teuta teuvo tevin tevs
tex texanna texas texie teybet teymur teymuraz teymurcin tezcan tezol thabani thabisa thabisile
thabiti thad thaddaus thaddeus thalente thales thalia thanatcha thandazile thandeka thandiwe thando
thangbrandur thanh thao thea theadore theba theda thedore thekla thelma thembeka thembekile
thembile thembisile thengill theo theobald theodis theodocia theodoor theodor theodora theodore
theodoro theodoros theodosia theola theophil theophile theres theresa therese theresia therman
theron theta theyr thi thiago thiare thibaud thibault thibaut thibo thidrandi thidrik thierry thies
thijmen thijn thijs thilo thinhinane thinur thjalfi thjodann thjodbjorg thjodbjorn thjodgeir
thjodhildur thjodleifur thjodmar thjodolfur thjodrekur thjodvardur thjostar thjostolfur thoka tholl
thom thomas thomasina thompson thor thora thoralf thoranna thorar thorarinn thorarna thorben
thorberg thorbergur thorbjorg thorbjorn thorbrandur thorda thordis thordur thore thorelfa thorelfur
thorey thorfinna thorfinnur thorfridur thorgardur thorgautur thorgeir thorgerdur thorgestur
thorgils thorgisl thorgnyr thorgrima thorgrimur thorgunna thorgunnur thorhaddur thorhalla thorhalli
thorhallur thorhanna thorheidur thorhildur thorir thorkatla thorkell thorlakur thorlaug thorlaugur
thorleif thorleifur thorleikur thorlindur thormar thormodur thormundur thornton thorny thorodda
thoroddur thorolfur thorormur thororn thorri thorsteina thorsteinn thorsteinunn thorsten thorstina
thorunn thorvaldur thorvar thorvardur thorveig thorvor thorwald thos thra thrainn thrandur thrastar
thresa throstur throttur thruda thrudmar thrudur thrymur thufa thula thuo thura thure thuri
thuridur thurlow thurman thursa thurston thury thuthukile thyra thyri thyrnir tia tiago tiana
tianna tiara tiare tiarna tiarnan tiarra tibe tiberia tiberiu tibo tibor tibra tiburcio ticen
tichomir tiegan tiera tiernan tierra ties tiesha tiffani tiffanie tiffany tigin tiia tiina tiit
tiiu tijl tijmen tijn tijs til tilda tilde tilden tilen till tilla tillie tillman tillmann tilly
tilman tilmann tilo tim timbul timea timeo timi timm timmie timmothy timmy timo timon timotei
timotej timoteo timoteus timothee timothy timur timurtas tina tinal tinca tincuta tindar tindra
tindri tindur tine tineke tiney tinie tinna tinne tinni tinnie tino tiny tira tirdad tirsa tirta
tirtayasa tirza tisa tisha tishie tishk tistran titas titi titilayo titin tito titus tivadar
tiziana tiziano tjaldur tjasa tjorfi tjorvi tobe tobi tobias tobiasz tobie tobin toby toccara tod
todd todda todor todsawun tofiq togan togrul toi toivo toka toker toki tokoz toktug tokunbo tola
tolbert tolli tollie tolonbay tolulope toluwanimi tom toma tomas tomasa tomasz tomaz tome tomeka
tomi tomie tomika tomislav tommaso tommi tommie tommy tomo tomori tomoya tomris toms tomurcuk tonda
tone toney tonguc toni tonia tonicha tonino tonja tonje tonni tonny tono tonu tony tonya toomas
toon topias topuz tor tora toralf torben torbjorg torbjorn tord tore torel torey torfey torfheidur
torfhildur torfi torgny torhan tori toriano toribio torie torill torquato torrance torrence torrey
torrie torry torsten tory tosha toshiko toshio tota tova tove tovuz towanda toy toya trace tracee
tracey traci tracie tracy trae traian transito traude traudel traudl traugott trausti traute travis
travon trayvon tre treacy treasa treasure treena tremaine tremayne trena trent trenten trenton
tresa tressa tressie treva trever trevin trevion trevon trevor trey treyton treyvon tri tricia
triin trilby trina trine trini trinidad trinity triona tripp tripti trish trisha trista tristan
tristana tristen tristian tristin triston triveni triya troels trond trong trostan troy tru trude
trudel trudi trudie trudy true trula trumaine truman trumann trung tryggva tryggvi tryggvina
trystan tsubasa tsuma tsung-han tsung-hsien tsung-lin tsung-ming tu tuan tuana tucker tudor tudora
tudorita tudosia tuere tufani tugcan tugce tugiman tugrulhan tugtas tui tuija tukelalp tukezban
tukufu tula tulay tule tulia tulin tulio tullio tulun tumas tumer tumi tumkurt tunahan tunar
tuncboga tunchanok tunckilic tunde tung tunguc tunradee tunzale tuomas tuomo turabi tural turan
turane turcan turcein ture turgut turid turkalp turkan turkane turkmen turknur turlough turner
turvi turxan tutkucan tutkun tutu tuukka tuula tuuli tuulia tuulikki tuur tuva tuyug tuzeer tuzenur
twan twila twyla ty tycho tye tyesha tygo tyla tyler tylor tymon tymoteusz tyquan tyr tyra tyree
tyreek tyreese tyrek tyreke tyrel tyrell tyrese tyrfingur tyrik tyrin tyriq tyrique tyron tyrone
tyrus tyshawn tyson tzu-chen tzu-ching tzu-en tzu-han tzu-hao tzu-hsiang tzu-jui ua ubaadah ubadah
ubaid ubaidah ubaldo ubay ubayd ubaydullah ubbi uberlinda uberto ubeydullah ubika ucan ucbeyi
ucchal ucgul uche uchenna uchita uda udant udarsh uddi udeen udeera udo udyati ueli uffe ufukay
ugan uge uggi ugla ugne ugo ugolino ugur ugurkan ugurtan uhban ujamaa ujunwa ula ulakbey uldis
ulduz ulf ulfa ulfar ulfat ulfdis ulfet ulfey ulfgeir ulfhedinn ulfheidur ulfhildur ulfkell
ulfljotur ulfrun ulftyr ulfur uli ulises ulke ulker ulkudes ulkum ulla ulla-britt ulle ullrich
ulrica ulrich ulrik ulrika ulrike ultan ulu uludag ulugbey uluman ulutay ulva ulvi ulviyye ulya
ulysses uma umaarah umair umande umang umar umay umaya umberto umi umid ummahan ummahani umman
ummet ummuhan umoja umray umusan umut umutcan una unal undina undine unek unggul uni unique unjani
unknown unlen unna unnamed unnar unnati unnbjorg unnbjorn unndis unndor unni unnsteinn unnthor
unnur uno unsever unubol uolevi upadhriti upasna upik upkaar upma ura uraltay urania uranus urbain
urban urbano urdar urdur urfan urfettin urhan uriah uriel urijah urishilla urmas urmi uros urper
urrab urs ursa ursel ursina urska ursula urszula urte urvashi urvi us usame uschi ushan ushindi
usiku usman usmon ustun usyi uta utama ute utkarsh utkucan utz uwe uxi uyanser uygun uzbay uzer
uzeyir uzima uzsoy vacibe vaclav vada vadim vafir vagn vagna vagnbjorg vagnfridur vahar vahid
vahide vahittin vaida vaidas vaino vaishnavi vajen vaka vakare vakris vakur val vala valarie valary
valberg valbergur valbjorg valbjork valbjorn valbjort valborg valbrandur valda valdemar valdheidur
valdi valdimar valdis valdor valeh valencia valentijn valentim valentin valentina valentine
valentino valentinus valer valere valeri valeria valerie valerij valerija valerio valeriu valero
valery valeska valey valfridur valgard valgardur valgeir valgerda valgerdur valhildur vali valiant
valid valide valija valinda valka valladur vallary vallie vally valmar valmundur valny valon
valorie valros valrun valsteinn valter valthor valthrudur valtteri valtyr valur valva valves valy
vamakshi van vance vanda vander vanesa vanessa vania vanja vannie vansha vanya vapni vaqif var vara
varenya vargin varlik varmar varsha varvara vasana vasare vasatika vasco vashon vashti vasif vasil
vasile vasilica vassie vassilios vasudha vasyl vatnar vaughan vaughn vavrinec vaysal vazeh vebjorg
vebjorn vecide veda vedant vedat vedhika vedika vedis vedran veer veera veerle veeti vefa vefadar
vefia vega vegard vegeir vegerdur veig veiga veigar veigur veijo veikko veis veit vejune vekell
vela velaug velaugur velda veli velia velitdin vella vello velma velta velva velvet vemundur vena
venancio venceslas vendela vendelin vendula venera veneranda venessa veniamin venice venie venita
venla vennie venus veny veola ver vera verda verde verdell verdie vere verena vergie vergil verim
verl verla verle verlene verlie verlin verlon verlyn vermundur vern verna vernal verne vernell
vernelle verner verneri vernetta vernhard vernhardur vernia vernice vernie vernita vernon vero
verona veronica veronicah veronika veronique versa versie vertie vesa vesna vessie vesta vestar
vesteinn vester vestmar veta vetrarros veturlidi veva veysel vezat vezrife vi vibeka vibekka vic
vicenta vicente vicentia vicentiu vicie vick vickey vicki vickie vicky victoire victor victoria
victoriano victorine victorino victory vicy vid vida vidadi vidal vidar vide vidhi vidir vidja
viera vieroslava viesturs vif vifill vigdis vigdogg vigfus viggo viggunnur vigilija viglundur
vigmar vigmundur vignir vigny vigo vigri vigsteinn vigthor vigtyr vigur vihaan viivi vija vikar
viking vikingur vikki viktor viktoria viktorie viktorija viktors vilayet vilberg vilbergur vilbert
vilbjorn vilbogi vilborg vilbrandur vildane vilde vildis vilem vilfridur vilgeir vilgerdur vilgot
vilhelm vilhelmiina vilhelmina vilhjalmur vilho vili viliam vilis vilius viljami viljar viljem
vilji viljo villa villads ville villi villimey vilma vilmar vilmer vilmos vilmundur vilnis vilny
vilte vilums viman vina vinaya vinbjorg vince vincenc vincent vincentio vincentiu vincenza vincenzo
vinciane vineta viney vinicio vinicius vinie vinjar vinko vinnie vinny vino vinsen vinson vinsy
vinton vinzenz viola violet violeta violetta violette viorel viorela viorica vira virag viraj
virdie virge virgel virgia virgie virgil virgilio virgill virginia virginie virgle viridiana virman
virpi visa visar visarion visitacion visvaldis vit vita vitali vitalija vitalis vitazoslav
vitezslav vito vitor vitoria vittoria vittorio vitus viva vivaan viveka vivi vivian viviana viviane
vivianne vivien vivienne vjekoslav vjollca vlad vladelina vladimir vladimira vladislav vladislavs
vlado vlaicu vlasta vlastimil vlora voggur voichita voicu vojtech voldemars volkan volker volkhard
volkmar vollie volney volundur von vonda vonetta voney vonnie vopni vordis vordur vorm vottur
vratislav vratko vreneli vrinda vrishti vritti vu vuokko vuqar vurgun vusal vusale vusumuzi
vyanjana vytautas vyte waahid waail waajid waceera wachira wade wadee wadi wadood wafa wafae wafeeq
wafi wafiq wafula wage wahab wahb wahban waheed wahhaab wahhaaj wahyu waida waimarie wainaina waino
wairimu wakeeta wakiman walburga waldemar waldo waldtraut walentina walfried walid walker wallace
walli wally walt walter walther walton waltraud waltraut waltrud waluyo wamalwa wambua wambugu
wambui wamwema wan-ting wanda waneta wangari wangila wangui wani wanita wanja wanjala wanjiku
wanjiru wanjohi wannes wanyama wanyonyi ward warda wardaya wardell wardi warhi waridi warinder
warjas warji warner warre warren warsa warsita warta warwick waseme wash washington wasin wasis
wassaya wassim watika watson watt wava waverly wawan waweru wayde wayland waylon wayman waymon
wayne wazir weaver webb webster weddy weena wei wei-ting wekesa weldon wellington wells welton
wen-chang wen-cheng wen-chieh wen-chin wen-chung wen-hsiang wen-hsien wen-hsiung wen-hua wen-lung
wen-pin wenceslao wenche wencke wende wendel wendelin wendell wendi wendolin wendy wenke wenzel
wera werner wes wesley wesonga wess wessel west westin westley weston wheeler whit whitley whitney
wibke widisha widya wiebke wieland wieslaw wigbert wikitoria wiktor wilber wilbert wilbur wilburn
wilda wilder wiley wilford wilfred wilfredo wilfrid wilfrido wilfried wilfriede wilhelm wilhelmina
wilhelmine wilhelmus wiliam wilkie will willa willaim willam willard wille willem willene willfried
willi willia william williams willian williard willibald willibert willie williemae willis
willodean willow willum willy wilma wilman wilmar wilmer wilson wilton wiltrud wim winda windell
windy winfield winford winfred winfried wing winifred winni winnie winnifred winny winona winston
winter winthrop winton wira wirda wiremu wirt wishi wisnu witold wladimir wm wojciech woldemar wolf
wolf-dieter wolf-dietrich wolf-rudiger wolfgang wolfhard wolfram wong wood woodie woodroe woodrow
woodson woody worley worth wout wouter wriddhish wridesh wright wu-hsiung wulan wulf wuraola wyatt
wycliff wycliffe wylie wyman wynona xalak xaleddin xalid xalide xaliq xalise xamis xanana xander
xanim xankisi xanlar xatire xaver xavi xavier xelil xena xenia xeyal xeyale xeyyam xia ximena
xiomara xiti xiulan xiuying xobeen xolid xosrov xuan xudaverdi xudayar xudu xumar xzavier ya-chu
ya-hui ya-ling ya-ping ya-ting ya-wen yaa yaakov yaaseen yachana yacine yada yadavi yadid yadiel
yadigar yadira yael yafi yafir yaghnam yagin yagizkurt yagnesh yago yahaira yahia yahir yahsi
yahsikan yahvi yahya yahyaa yahyo yair yaiza yajaira yakobo yalazabay yalcin yalgin yalin yaltirak
yaman yamar yameen yamen yamid yamile yamilet yamilex yamin yamini yan yana yanara yance yancy
yandel yanet yaneth yang yani yanick yanik yanina yanira yanis yanisa yanki yann yannic yannick
yannik yannis yaqeen yaqoot yaqub yar yara yareli yaretzi yargi yaritza yasaar yasan yasar yasattin
yaseen yasef yasemen yasemin yash yashasvi yashawini yashem yashica yashoda yashodhara yashvi yasin
yasina yasinta yasir yasmeen yasmin yasmina yasmine yasna yasser yassin yassine yasti yasuhiro
yatan yathrib yatin yauvani yaver yavuz yaw yawar yawer yayak yazan yazeed yazganalp yazgul yazmin
yda yecid yee yeferson yegane yehuda yehya yeimy yeison yejide yekbun yekda yelesen yen yen-ting
yeneral yeni yenifer yenny yeny yepelek yeraz yergha yerko yerson yertan yesenia yesica yesid yesil
yesoob yessenia yessi yessica yetisal yetta yetunde yewande yfke yigit yildir yildiz yilma yilmaz
yina yineth yinthe yja ylenia ylfa ylfur ylja ylur ylva ylvi ylvie yma ymir yngvar yngve yngvi ynja
yoan yoann yocelyn yochana yoel yoga yohan yohana yohane yoichi yoko yolal yolanda yolande yolima
yolonda yonatan yonathan yonetmen yong yono yordan york yoruc yosef yoselin yoshiko yoshio yoshita
yosma yosuke youba youcef younes young youri yousef yousra youssef yr yrar yrja yrjo yrkill yrr
yrsa ysaline yu-chen yu-chin yu-en yu-fei yu-feng yu-hsiang yu-hsuan yu-lan yu-ling yu-mei yu-ting
yu-tung yu-ying yucel yucelen yudy yueh-o yueh-tung yueh-ying yug yui yuki yuli yulia yuliana
yulieth yulisa yulissa yuly yumiko yumun yun-fei yung-chang yung-ching yuni yunis yunita yunt yunus
yurani yurany yurdanur yurdaser yureed yurem yuri yuridia yurtguven yurtseven yurttas yury yusif
yussuf yusuf yuta yutika yuvraj yvan yves yvette yvon yvonne zaafir zaahid zaahir zaakir zabir
zablon zac zacarias zach zacharia zachariah zacharias zacharie zachary zachery zack zackariya
zackary zackery zada zadie zaeem zaenab zafar zafeer zafir zafrul zahaar zaharia zaheer zahfer zahi
zahid zahir zahnya zahra zahri zahro zahrun zahur zaib zaid zaida zaiden zain zainab zainabu zaira
zaire zaitra zaituni zak zakaria zakarias zakariyo zakary zakayo zakhele zakir zakiyaxon zalan
zaliha zalindra zaman zamfir zamfira zamin zamiq zamir zamira zan zana zander zandra zane zaneta
zanis zaniyah zansi zara zarar zaraza zarengiz zaria zariah zarina zarna zashil zauqi zaur zavier
zavion zaweel zayan zayd zayden zaynab zayne zayyan zayyir zbigniew zbynek zdenek zdenka zdenko
zdislava zdravko zeb zebirce zebulon zechariah zed zeferino zehaan zehnia zehra zehranur zejna
zekayi zeke zekeriyye zeki zela zelaya zelda zelha zelia zelie zeljka zeljko zella zelma zelmira
zelpha zemfira zemine zemyna zemzem zena zenas zende zenia zennun zeno zenobia zenon zenovia zenta
zenzele zenzile zerafet zerdad zerdust zeride zerif zerife zernigar zeta zetta zettie zevlude zewad
zeynal zeyneb zeynegul zeynelabidin zeynep zeyno zeynulla zhane ziba zibeyde zibuyile ziedonis ziga
ziggy zigmund zigrida zihni zikmund zilfa zillah zilmil zilpah zilpha zimran zina zinal zineb zinet
zinhle zinnura zinnure zion zipporah zita ziva zivile ziya ziyaettin zizi zlatica zlatko zoa zoe
zoey zofia zofie zofija zohre zohrehan zoie zoila zoja zola zollie zoltan zona zophanias zophonias
zora zoraida zoral zoran zorica zorka zsanett zsigmond zsofia zsolt zsombor zsuzsanna zuba zubayr
zubeyde zufer zuheyla zuhri zula zulaikha zulbiye zulema zuleyxa zulfa zulfiyye zulfuye zulgarni
zulma zumaridi zumre zumrud zunilda zuwayhir zuwena zuzana zvonka zvonko zwatie zygimantas
"""

FAMILY = """
's 't a' aaaqil aabid aadam aadil aalam aalto aaltonen aalts aamil aamir aamirah aanei aarden aarif
aariz aarts aas aasa aasen aasif aasim aasmae aatiq aavik aazim aba abaan ababei abad abada abarca
abascal abatantuono abate abba abbad abbadh abbagnale abbas abbasli abbasov abbasova abbassi
abbaszade abbes abbosov abbott abdalla abdallah abdelaziz abdellaoui abdelli abdi abdiaziz
abdifatah abdikadir abdille abdinoor abdirahman abdou abdow abduazizov abduboriyov abdulhamidov
abdulla abdullah abdullahi abdullaoglu abdullayeva abdullazade abdullohov abdumalikov abdurahmonov
abe abed abel abele abella abellan aberg aberhart abernathy abicic abid abiola abola abolina
abolins abols aboraa abou abouda aboukir abrafi abraham abrahamova abrahamsen abrahamsson abramov
abramovic abrassart abrego abreu abril abrorov abshire abubakar abubakrov abuga aburto abwao
accardo acedo acerbi acero acevedo achaorainn acharya achberger achbergerova acheampong achieng
achison achleitner achola achour achouri acker ackerl ackermann acosta acuna adadia adam adame
adamec adamecova adamova adams adamson adamu adan adasme adda adebisi adegbite adegoke adekunle
adelaar adelakun adeleke adelusi ademiluyi aden ader aderibigbe aderogba adesiyan adetokunbo
adeyemi adeyemo adhaimh adhastair adhiambo adinolfi adisa adkins adler adolfsson adolph adoma
adomah adomako adongo adow adriaansen adriaensdr adriaense adriaensen adriaenssens adriansyah
adrovic adryaens adu adusei adutwum adutwumwaa adwubi adzijevic aebi aeby aedo aeije aelftrud aerts
aertsz afanasjev afirifa afoakwa afolabi afolayan afonja afrakomaa afruzova agaoglu agarwal agate
agayeva agazzi aggarwal aghas agnesi agnew agostinelli agostini agovic agrawal agren aguado aguayo
agudelo agudo aguero aguila aguilar aguilera aguilo aguirre agullo agurto agusti agustin agustina
agyapomaa agyapong agyare agyei agyeiwaa agyemang ahearn ahearne ahern aherne ahlberg ahlgren ahlin
ahlqvist ahlstrom ahluwalia ahmad ahmadi ahmadov ahmed aho ahokas ahola ahonen ahortor ahuja
ahumada aichholzer aichinger aidicin aigner ailin ailpin aindriais aindriu ainmneach ainsboro
airaksinen airchinnigh airligh airmeas airt aissani aissaoui aitigin aitken ajao ajayi ajello
ajewole akar akbarov akca akcay akdeniz akelis akello akerlund akerman akesson akgunduz akhtar
akinrinola akinwale akinyi akmacic akmalov akoaa akobirov akoth akoto akowua aksu akumu akyaa
akyeampomaa akyeampong akyena alabi alamo alanen alanko alarcon alas alastair alastroim alatalo
alba alber alberdi albero alberola albers albert albertini alberto alboni albornoz albrecht albu
albuquerque alcala alcalde alcantar alcantara alcaraz alcazar alcolea aldobrandi aldridge alegre
alegria alejandro aleksandrov alekseev aleman alemannie alemany alemdar alenburg alex alexander
alexandersson alexandre alfaro alfieri alfonsi alfonso alfredsson ali aliaga alighieri alinurov
alio aliyev aliyeva alkovic alksne alksnis allain allal allali allan allard allas allemanie allen
allende allendes aller allerby allik allis allison allmhurain alm almagia almagro almansa almanza
almaraz almazan almeida almgren almonacid almonte almqvist aloba aloisio alonso alonzi alonzo aloo
alpaidis alsina altamirano altenwerth altera altmann aluoch alva alvarado alvarez alvaro alve
alvear alves alzate alzinova amador amahle amaldi amalrada amann amanovic amara amaral amari amat
amato amaya ambani amble ambrasas ambrozic ameur amhalghaidh amhlaigh amhlaoigh amhlaoimh amidzic
amigo amina aminova amirayeva amirov ammaniti ammann ammari amo amoa amoako amoakowaa amoanimaa
amoasi amoit amon amondi amor amores amorim amoros ampadu ampofo ampofowaa ampoma amponsa amponsah
ampuero amrane amrani amrein amri amrouche amstel amundsen an anabadha anand anarqizi anastasi
anaya anciaux anda anderberg anderl anders andersen anderson andersson andile andorful andra
andrade andras andrasek andrasik andrasikova andrasova andre andreasen andreassen andreasson
andreev andren andreotti andreozzi andres andresen andreu andrew andrews andriani andries
andrijasevic andrijevic anekvorakul anele angarita angel angeli angerer anggraini anggriawan
angiolello anglada anguiano anguillara anguissola anguita angulo angus angwenyi anichini anicic
anima anisayeva anissimov anjos ankra ankunding anna anne annraoi annsboro annus anokye anraoi ansa
ansboro ansems ansomaa ansomah ansorova antal antalova antelami anthony antic antikainen antoine
antolkovic anton antonacci antonelli antonello antonetti antonic antonini antonioni antonov
antonsen antonsson antonucci antony anttila anttonen antunes antunez antwi antwiwaa anusaigh
anvarov anyango anyanwu anyona aodha aodhain aodhchain aodhchaoin aodhgain aogain aoidh aoki aoko
aonghais aonghuis aonghusa apablaza aparecida aparicio apine apinis apiyo apodaca apondi aponte
aporti appelman appia appiah apsite apsitis apte arab aracena aragao aragon aragones aramburu arana
arancibia aranda araneda arango aranguiz araujo aravena araya arazli arboleda arce archambault
archer archuleta arco arcos ardelean ardianto ardila arellano arenas arend arendt arens arent
arevalo argan argentero argenti argento arguello argurio arias ariasso aribi ariens arifcanov arino
ariosto ariza arjona arkel armani armas armellini armendariz armengol armenta armijo armstrong
arnaiz arnal arnau arnaud arnesen arnold arnott arnould arnsberg aro aroca aronsson arora aros
arranz arredondo arregui arreola arriaga arriagada arribas arrieta arro arroyo arsenault arslan
arsoy arta artain arteaga arthurs artigas artner arts artuir aru arula arvidsson arya aryan aryani
arzulu as asadov asamoa asamoah asante asantewaa asare asberg aschauer aschman asenjo asensio
asenso ashe ashley ashman ashton asiama asiedu asieduwaa asikainen asilayeva asilbekov aslan
aslanova aslund asmanova asmiraeva asmundo asp asplund asprucci assche asselin assem assuncao asten
astete astorga astrom astudillo astuti ata ataa atakisioglu atchison atha athman atieno atienza
atkins atkinson attia atwal atzler aubert aubry auch audet auer aufderhar auger augustin augustsson
auinger aulenti auma aumann aun aune aunina aunins auraq aurora aus austermuhle austin autio
auvinen auwera auzina auzins avalos avendano avery avila aviles avogadro avoirt avotina avotins
awadh awadil awamil awani awinja awino awj awmar awodiran awolowo awuah awuor axelsson axundlu
axundov axundova axundzade ayaan ayad ayadi ayala ayamin ayanda ayandokun ayers ayieko ayize
aylinova ayllon aylward ayoola ayubov ayuma ayuso ayyubi azban azcona azevedo azizi azizov azizova
aznar azocar azorin azzouz baa baafi baah baalen baaqir baaree baashir baasim baasit baawia babanli
babar babati babato babayeva babbo babey babic babjak babjakova babka babtunde babu baca bacaeir
bacaer bacak bach bacha bacher bachinger bachler bachmann bacic back backer backes backlund backman
backstrom bacosi badal badami badan badel bader badia badilla badillo badoer badoglio badr badu
baele baelen baena baere baert baeten baetens baets baeyens baez baeza baggio baghdadi bagirov
bagirova baglioni bah bahamonde bahamondes baharia baharli bahati bahena bahl bahloul bahna bahno
bahnova bahon bahr bahri bahringer bai baidh baier bail bailey bailis bailly bain bains baird
bairead baisceir bajaj bajamonti bajan bajardi bajc bajwa bakare bakari baker bakhouche bakhti
bakixanov bakke bakken bakker bakos baksa bakshi bal bala balaguer balakrishnan balan
balasubramanian balatinac balay balaz balazova balazs balbi balbo baldauf balderas baldick baldwin
bale baleegh bali balic balincic balint balistreri baljak ball balla ballard ballester ballesteros
balmat balode balodis balog balogh balogun balotelli baltins bambad bamidele bamiloye ban bana
banain banas banasova bandello bandeville bandi banerjee banicevic banik banko banks bann bannain
bannon bano banos banova banovac bansal bantwini banuelos banville banzer baoigheallain baoighill
baoill bappa baptista baquero bar barac baracca barad barahona barajas baraka baral baran baranka
barankova baranov baranova barasa baraza barba barbarigo barbe barber barbera barberini barbero
barbey barbic barbier barbieri barbieux barbir barbora barbosa barbu barcaccia barcella barcelo
barcena barco bare barela barents barer barese baresi baresic bargetze baria baric baricevic
barillaro barillon barisic barker barkholz barkovic barlow barman barna barnaba barnes barnett
barneville baro baroffio baroid barok barokova baron barongo barozzi barr barra barracco barragan
barral barranco barraq barraza barre barreda barrena barrera barreto barrett barria barrientos
barriga barrio barrios barrnette barron barros barroso barrows barry barsanti barta bartell bartels
barth barthel barthelemy bartl bartlett bartley bartoletti bartoli bartolome barton bartos bartosik
bartosikova bartosova bartova bartovic bartovicova barun barusic bary barzini bas basa basaam
basadonna basak bascunan baseer bashaar bashaarat basheerah bashir bashirian basic baska basko
baskova basnec baso basova bass bassett bassi basso bastiaanse bastiaense bastias bastida bastidas
bastien bastin basu bataglia batal batalla batchelar bates bath batista batliner batlle batool
batra batrac batrnek batta battaglia battelli battig battisti batz bauch baudoux baudry bauduin
bauer baum baumann baumbach baumgartner baur bausch baustert bautista bauwens bauza bava bavaud
bave bawa baxter baya bayeni bayer bayo bayon bayona bayramov bazin bazjak bazzi beachain beagain
beaglaoich beahan beakey beal bealatun beale bean beannuille bearain beard bearnain bearra
beartlaigh beasley beasty beataigh beattie beatty beauchamp beaudoin beaudry beaujean beaulieu
beaumont beauregard bebic beccaria beccheria becerra bech becht bechtelar beck becker beckers
beckius beckmann bedard bedi bednar bednarik bednarikova bednarova bedoya beeck beeckman beeckmans
beek beekman beer beernaert beernink beffa beffort beggan beggs begin begley begonja begue beguelin
beguin begum behan behl behruzov beice beier beieren beigg beijring beireach beirgin beirn beirne
beissel bejarano beka bekaert bekbergen belaid belaidi beland belanger belarbi belbachir belda bele
beletic belhadj belisle beljajev belkacem belkacemi belkadi belkheir belkhiri bell belle bellemans
belletini bellido bellini bello bellocchio bellucci belmans belmar belmonte belosevic belov belpere
belton beltran bembo ben bena benabdellah benahmed benaicha benaissa benali benamar benamara
benameur benaouda benard benavent benavente benavides benavidez benchapatranon bencheikh bencic
bender benedetti benes benesova benet bengtsson benic benigni benitez benito benjamin benmoussa
bennet bennett beno benoit benova bensaid bensalah bensalem benslimane benson bentheim benthin
bentley benton benus benuska benuskova benusova benussi benyahia benyamina benyoucef benz benziane
beolain beourgeois bera berakovic beran beranek berankova beranova berberat berchem berchtold
berends berendse berengario berenguer beresford berg bergant bergdahl berge bergen berger bergeron
berggren bergh berghe berghmans bergin bergkvist berglund bergman bergmann bergnaum bergoglio
bergqvist bergsten bergstrand bergstrom bergvall berkahn berkane berkani berkel berkum berlusconi
bermejo bermingham berminghim bermudez bernaards bernad bernal bernard bernardi bernardic
bernardini bernardova bernasconi bernat berner bernetti berney bernhard bernicia bernie bernier
bernini bernolak bernolakova berntsen berntsson berre berrios berrocal berry bersani berscheid
bertels bertelsen bertemes berthelot bertho berthold bertilsson bertin bertoli bertolucci bertoni
bertosa bertran bertrand berube bervoets berzina berzins besancon besencon besiroglu besnard besse
besson best betancourt betancur betschart bett bettahar bettendorff bettin bettoni beuchat beuret
beurret bevan bevc bevilacqua bey beyens beyer bezak bezakova bezemer bezic bezjak bhagat bhailis
bhain bhaird bhaiteir bhakta bhal bhaldraithe bhalla bhandari bhardwaj bhargava bhasin bhat bhatia
bhatnagar bhatt bhattacharyya bhatti bhavsar bheachain bheannuille bheatha bhebhe bhedleni
bheithigh bhejelibomvu bhembe bhengu bhensela bhiadhtaigh bhial bhiocaire bhloscaigh bhosc
bhovungana bhreitheamhain bhreithimh bhriain bhride bhua bhui bhulbh bhulf bhungane bia biachain
biagi biagiotti biaidh bianchi bianchini biasta biataigh bibi bibisorayeva bicak bicanic bicek
bicekova bichler bie biedermann bielik bielikova bien bieri bierstraten biesenbos biesty biezenbos
biggen bignami bignardi bigot bii bijelic bijlsma bikelwayo bikwayo bilaal bilbao bilek bilekova
bilge bilgin bilir bilka bilko bilkova billung bilodeau bilolov binaghi binda binder bingula binner
bins bintner bintz bionain biorain biorainn bir birch bird birgen birkeland birkic birmingham birn
birnbaum biro birtic birzniece birznieks bischof bishell bishop bisson biswas bite bitschnau
bittner biver biwer biwott bixio biyase biyela bizhan bizjak bjelis bjork bjorklund bjorkman blaak
blaca black blackburn blackwell blagaic blaha blaho blahova blair blais blaise blake blanc blanca
blanch blanchard blanche blanchet blanchette blanco blanda blanes blankenship blasco blaser blasi
blathmhaic blatnik blauensteiner blazej blazejova blazek blazevic blazic blazicko blazkova blazquez
blees bleijenberg blevins blewanus blick blin blioscain blixt bloch block bloemendaal blokland blom
blomberg blomgren blomkvist blommaert blomme blomqvist blondeel blondel blondiau blonk blose blot
blouin blowick blum blumel boada boadi boadu boaga boahen boakye boakyewaa boase boatemaa boatemaah
boaten boateng bobadilla bobal boban bobanovic bobula bobulova boburov bocca boccaccio boccherini
boccioni bocelli bochud bock bodaicin bodart boddaugh bode bodhlaeir bodhlaer bodin bodkin bodnar
bodner bodoni bodson boe boechat boeck boeckx boehm boer boers boeser boetet boezio bogadi bogaert
bogaerts bogain bogan bogdan bogdanov bogisich bognar bogner bogovic bohan bohlander bohler bohlin
bohm bohman bohnbach bohorquez boiardo boichat boillat boily boisvert boitani boito boivin boix
bojanic boke bokenkamp boland bolander bolanos bolcevic boldu bolduc boles bolger bolghuidhir
bolguidhir bolin bolivar boljkovac bolkesteijn bollen bolliger bolnbach bolton bolzmann boman
bombieri bompiani bona bonanno bonar bonatti bonaventura bonaya bonbach bond bondarenko bondra
bondrova bondt bondumier boner bones bonet bongiorno boniface bonilla bonino bonneau bonner bonnet
bonnin bonolis bonomo bonsra bonsu bont bonte bonueva bonvin bonvini booden boogaerts booker boon
boone boonen boonpungbaramee booth bophela bor bora borah borak borbely borde bore borek borekova
boreland borer borg borges borghese borgia borgstrom borik borikova boris borisova borissov borja
borjesson borka borko borkova borland borman borner borojevic boros borosak borovsky borovy borquez
borra borrani borras borrego borrell borremans borromeo borromini borroni borsellino borsiere
bortachain boru borzomi bos bosak bosakova bosch bosco bose bosibori bosilj bosio bosire boska
bosman bosmans bosnak bosnakova bosnjak bosnjakovic bossche bosshard bossi bossuyt bostrom bostrov
bosurgi botella botello botham botic botica botsford botta bottaro botteron botticelli bottigliero
bou bouabdellah bouafia boualem bouali bouaziz boubekeur boucetta bouchama bouchard bouchareb
bouchat boucher bouchet bouchez bouckaert boucsein boudart boudewijns boudiaf boudjemaa boudraa
boudreau bouguerra bouhuizen bouillon boukhalfa boukhari boukhatem boulanger boulay boulogne
boumaza boumediene bounab bourdon bourgeois bourgondie bourguignon bourke bourquard bourquin
bousquet boussaid boutaleb bouthoorn boutin bouvet bouvier bouwhuisen bouziane bouzid bouzidi bova
boven bovene bovenen bovet bovy bowater bowden bowe bowen bowers bowler bowles bowman boyabenyathi
boyce boyd boyer boylan boyle boyse bozanic bozanovic bozic bozicevic bozickovic bozikovic bracke
bracun bradaigh bradain bradden bradford bradic bradley bradshaw bradtke brady brae braem bragadin
bragaglia bragt brahier brahimi brahmbhatt brahmi brajkovic brakus bralic bramante brambilla
branaola brancaccio branch branciforte branco brand brande brandenburger brandic brandl brandner
brandon brands brandstatter brandstetter brandt brandtner brankovic brannelly brannstrom braoin
braonain brar brassard brasseur brassil brauer braun bravo bray brcko breanain breanndain breasail
breaslain breathnach bree breen bregar breheny breisleain breit breitenberg brekke brenen brenna
brennan brenner bresciani brese breslin bresnehan bresse breton brett breuer breugel breugelensis
breugelmans breukeleveen breukelveen brewer brezina brezinova brezjan breznik briain brian brianain
briand briartaigh bric briccialdi briceno brichard brichese brick bridge bridges bridson briede
briedis briel briemer brien briere brievingh briggs bright brink briody brionain briones brisee
briseno brislane brisleain brisson brito britvec briutean brizee brlas brlek brletic broberg brock
broderick brodin brody broeck broeckx broeders broek broekhoven broeshart brogain brogan broggini
broic broin broithe brolchain brolin broman bronder brookes brooks brophy broquet broschi brosius
brosnachain brosnan broughan brouwer brouwers brown browne browning broy broz brozova bru bruachain
bruadair bruadar bruce bruchem bruck bruckner bruder bruen bruggeman brugger brugman brugnaro bruic
bruijn bruijne bruin bruiseal brumleve brun bruna bruneau bruneel brunel brunelleschi brunello
brunet brunner bruno brunovska brunovsky brunswijk bruscantini bruska brusko bruskova bruton bruun
bruycker bruyere bruyn bruyne bruyninckx bruynzeels bryan bryant bryson buachalla buadha
buadhachain buadhaigh buaile bucanac bucar buch buchanan buchberger buchegger buchel bucher
buchholz buchinger buchler buchner buck buckley buckridge bud budai budaqli budhlaeir budig budiman
budiyanto buelens buendia bueno bugnon bugueno buhari buhler buhlmann bui buick buijs builteir
buisson buitleir buitrago bujard bukhosini bukovec bukovska bukovsky bukvic buljan bull bulle
bullock bultot bulzoni bumb buncic bundi bungic bunic bunlerngsri bunlupong bunschoten bunyadzade
buonauro buraid burbano burc burca burcardo burch burchill burcul bures buresova burger burgess
burgos burgstaller buric burke burman burnach burnett burns burr burrell burri burrows bursic burt
burton burtscher bury buscetta bush busienei busljeta busoni busquets bustamante bustos butala
butcher butkovic butkus butler butselaar butte buttimer buttimore buuren buyse buysse buytelaar
buzov bwire bylund byrd byrne byrnes bystrom caba caballero caban cabanas cabanillas cabbarli
cabello cabeza cabezas cabhail cabibbo cabo caboto cabraigh cabrera cabrero cabrini caccianemico
caccioppoli caceres cadain cadden caddow cadefau cadena cadenas cadhain cadhla cadhlaigh cadogan
cadorna caetani cafarchia caffarelli cafferkey cafferky cafferty caffrey cafraigh cafua cafuk
cagalj cagney cagnin cagnotto cahalane cahill cahillane cahir cai caibe caicedo caidin cailin
cailpin caimbeal caimbeul cain caine cainero caingne cainnigh cairbre caireallain cairn cairns
caironi caiside caisin caisleain caislin caithir caithlin caitigin cal calaigh calarco calatayud
calbhaigh calbo caldeira caldera calderon caldwell calgari calhoun callaghan callahan callain
callan callanain callanan callebaut callegari callegaro calleja callens callewaert calligan
callinan cally calnain caluza calvet calvey calvillo calvo calzada camacho camalov camanni camara
camargo camarillo cambier cameron camicione camilleri camino camiscione cammarata cammel camp
campanella campano campbell campenhout campillo campise campo campos campoy camps camuccini
camurcuoglu camus canainn canales canali canals canas canavan cancino candaux candelaria candia
canellas canet canete canetta canevascini canil canizares canna cannan canniffe canning cannizzaro
cannon canny cano canova canovas cant cantero cantillo cantimori canton cantrell cantu cantwell cao
caoain caobhacain caobhain caochain caochlai caochlaigh caodhain caodhla caoidheain caoile
caoileain caoillidhe caoilte caoimh caoin caoindealbhain caoinigh caoinleain caola caolain caollai
caollaidhe caomhain caomhanach caomhanaigh caona caonaigh caothain capa caparros capdevila capecchi
capek capekova capelle capka capko capkova capkovic capkovicova capla caplis caplovic caplovicova
capone cappelli capples capua capuaigh capuana car caraballo caracciolo carbaire carbajal carbajo
carballo carbery carbo carbonell carcamo cardano cardenas cardon cardona cardoso cardozo carducci
cares carey carfagna cargonja caric carlberg carleton carley carli carlier carlin carlos carlsen
carlson carlsson carluis carmaig carmody carmona carneiro carnera carnero carney carnogurska
carnogursky carnotte caro carocci carolan caron carosone carpaccio carpenter carpentier carpio carr
carra carragain carragher carraidhin carrain carranza carrasco carraud carraux carre carreno
carreon carrera carreras carrero carretero carrghamhna carrghamhne carrier carriera carrig carrigan
carrigy carrillo carrion carrizo carro carroll carron carry carson carsten cartain carter cartes
carthaigh carthy carton cartur cartwright carty caruin carullo carun caruso carvajal carvalho
carville casa casadei casado casagrande casaide casal casale casaleggio casalodi casals casanova
casanovas casares casarez casarin casarlaigh casas case casellati cases casey cashen cashman casier
casillas casini caspar casper cassara cassart cassen casserley casserly cassiano cassidy cassin
castaneda castano castejon casteleyn castell castellanos castelli castellitto castello castells
castiglione castilla castillo castioni castrillo castrillon castro catailin catala catalan catalano
catenazzi cathail cathain cathala cathalain cathaoir cathasaigh cathbhaid cathbhuadha
cathbhuadhaigh cathbhuaidh cathlain cathmhaoil cattaneo cattigan cattin caudron cauley caulfield
caune cavalcante cavalcanti cavanagh cavanna cavazos cavieres cawley cazares cazorla cea ceadagain
ceadaigh ceafarcaigh ceallabhui ceallachain ceallaigh ceallbhui ceamharcaigh ceanainn ceannabhain
ceannaigh ceanndubhain ceannduibh ceannfhaola ceannfhaolaidh ceanntabhail ceapog ceara cearain
cearbhaill cearbhain cearbhallain cearbhlain cearmada cearna cearnaigh cearr cearrucain cearruin
ceatharnaigh ceballos cebekhulu cebisa cebrayilov cech cechova ceci cedillo ceferoglu ceferova
ceferzade ceh ceide ceidigh ceileachair ceilleachair ceirin ceirisc ceiriuchain ceithearnaigh
ceitig ceitin ceitinn ceja cekovska cekovsky celentano celis celma celmina celmins celms cemenli
cemenzeminli cendron cenge centek centekova centeno ceochain ceoinin ceorais ceothach ceothanach
ceothanaigh cepeda cerar ceravolo cerda cerdan cerezo ceri cermak cermakova cerna cerne cernik
cernikova cernoch cernochova cerny ceron cerquiglini cerro cerucain cerutti cervantes cervantez
cerven cervenova cerveny cervera cesaroni cesarotti ceschi cesnak cesnakova cesnek cesnekova
cespedes cestaric cetin ceulemans ceuppens chabane chabot chacha chacko chacon chad chada chadha
chadwick chagwe chahal chai chaib chaihirankarn chaisatit chakrabarti chakraborty chalupka
chalupkova chamane chamberlain chambers chamorro champagne champlin chan chana chand chanda chander
chandia chandler chandra chandran chaney chang changawa chao chaoin chaoui chapa chaparro chapelle
chapman chappuis chapuis char charbonneau charef charest charette charles charlier charlton charo
charoensuksopol charon charosova charpentier charpie charrier charron chartier chartrand chase
chatain chatriand chatriant chatterjee chaudet chaudhari chaudhary chaudhry chaudhuri chaudry
chauhan chauveau chauvet chauvin chavarria chaves chavez chawla cheara chebet chebii cheboi chebon
checa chechi cheda cheema chege cheikh chelagat chelangat chelimo chellaoua chemtai chemutai chen
chenangat chenaux cheng chengo chepchirchir chepchumba chepkemboi chepkemoi chepkirui chepkoech
chepkorir chepkosgei chepkurui chepkwemoi chepkwony chepngeno chepngetich cheptoo chergui cherian
cheriet cherif cherifi cherono cherop cherotich cherry cherubini cheruiyot cherutich cheruto
chesang chesire chevalier chevalley chevallier chevresson chevrolet cheyech chhabra chi chia chiang
chiao chiappetta chiaramonte chibani chibi chibini chico chieh chien chiesa chigi chih chikh
chiliza chin chindamo ching chinnici chirchir chittolini chiu chloig cho choda choeychuen choi
choille choinnigh chokshi chomba chomhghaill chomsri chonco chopard chopra choque chotzen chou
choudhary choudhry choudhury chouinard chovan chovanec chovanecova chovanova chowdhury chowitunkit
chrappa chrappova chretien christen christensen christiaens christian christiansen christie
christoffersen christoph christopher chrodtrud chrosain chu chuan chuang chudik chudikova chueh
chukwu chumba chumo chung church ciabhain ciampi cianaigh cianain cianciolo ciani ciaragain
ciaraigh ciarain ciarba ciardha ciardhubhain ciarmhacain ciarmhaic ciarucain cibane cibhil cibin
cibula cibulka cibulkova cibulova cicala cichorius cicilia cid ciernaova ciernik ciernikova cierny
cifuentes cigan ciganik ciganikova ciganova ciganovic ciger cigerova cignaroli cik cikotic cilea
cilibrasi cill-dia cillartrain cillin cilltrain cimarosa cimini cindric cingizoglu cinneide cinneir
cinnseala cinnseamain cintron ciobhain ciobhanaigh ciollabhain cioltrain cionnaigh cionnaith
cionnfhaola ciorain ciosain ciosog ciosoig ciothaigh ciothog cipolla cirino cirric cirule cirulis
cis cisneros cisterna cisternas ciuinin ciurtain civaschi cizmesija cizmic claassen claes claesdr
claesen claesner claessens claesson claeys clafferty claffey claimhin clair clancy claochlai
claochlaoigh claonain clarach clare claridge clark clarke classon claude claus clausen clavero
clavin clay clayton clear cleary clees cleir cleirchin cleireachain cleirigh clemens clement
clemente clements clenaghan clerc clerck clercq clerkin clery clifford cline clinten clinton
clocharta clochartaigh clochasaigh clogherty cloherty clohessey clohessy cloney cloonan cloone
clooney clootwijck close closset cloutier cluanaigh cluanain cluin clumhain clunain clune
clunies-ross cnaimhin cnaimhsi cnaimhsighe cnuachain coady coakley coardi coates cobb cobhthaigh
cobo cobos cobrda cobrdova coca cocci cochlain cochran cociarelli cock codina cody coelho coello
coen coene coenen coffey cofre cogain cogan cogley cohalan cohen coholan coighin coigil coigligh
coigny coile coileain coileir coiligeain coiligh coilin coillin coillte coimin coincheanainn
coineain coineoil coinghealla coingheallaigh coinghialla coinghiallaigh coinghiola coinin coinne
coinneachain coinneain coinneir coinneirtinne coinner coinnich coinnigh coinnin coinnleain coirbin
coirnin coisdeala coisdealbha coisteala coistealbhaigh coitir coitirigh colas colbach cole coleman
coles coley colfer colgan colhoun colic colin colinet coll colla collado collaigh collain collao
collarain collard collart collata collazo collen colleneler colleran collet collette colletti
colley collier colligan collignon collin collina collinder colling collins collis collodi colly
colmain colman colom coloma colomer colon colot colpaert colreavy colson coluim colum columbo
colunga comain comair comar comartun comas comber combi comboni combre combs comencini comer
comerford comeriato comhdhain comhghaill comhghain comhrai comisky comisso comman comment commins
comni comolli company compere compton comte comyn con conacha conagail conaill conain conaire
conallain conallta conamha conaola conaonaigh conarain conaty conba conbha conbhae conbhai
conbhaigh conbhuaidh conbhui conbhuidhe conboy concannon conceicao concepcion concha concharraige
conchobhair conchoille conchradha conchubhair conchuir conde condoleo condon condren condron
conduibh condun conefrey conesa confhaola confraoich congail conghaile conghamhna coninck conlain
conlan conleagha conley conlon conluain conmara conmee conmhachain conmhai conmhaidhe conmhaoil
conmhui conmi conmy conn connachain connachtaigh connachtain connachton connaghy connaigh connain
connallta connaughton connbhui connchamhain conneeley conneely connell connellan connelly conner
connery connghamhna connmhachain connmhai connmhaigh connoil connol connole connollaigh connolly
connor connors connuchain conoil conole conra conrach conrad conradi conraoi conree conroy conry
consaidin considine constant contarini conte conter conthra conti contra contractor contrafatto
contreras conuchain convey conway conwell coogan cook cooke cooksley coolahan coolen cooley cools
coonan cooney cooper cop copeland coppens coppola corbacho corbain corbat corbett corbo corboz
corcora corcorain corcoran corcos cordero cordier cordoba cordova corduff coredo coret coret-coredo
coreth coric corish corkery corlaigh corless corlett corley corlu cormacain cormack cormaic corman
cormican cormick cormier cormy cornejo cornelis cornelisse cornelissen cornelisz cornet cornez
cornil cornut cornuz corominas corona coronado coronel corpataux corput corr corra corrachain
corradain corradi corragain corraidh corraidhin corraigh corrain corral corrales corrdhuibh correa
corredor correia correr corrghamhna corridan corrigan corry corstiaens cortes cortese cortez
cortina corvalan corwin cosain cosandey coscair cosendey cosgair cosgrave cosgrove cosic cosman
cossiga cossy costa costagain costalonga costanzi coste costela costello costelloe coster costigan
cote coterlet cotic cotter cotto coughlan coulombe coulon counihan courcey cournane courtenay
courtier courtney courtois courvoisier cousin cousins coutts couture couturier couvreur covarrubias
covic cowan cowely cowen cowley cox coyle coyne cozar crabhain cragg crahan crahay craibhin
craidheain craig craine craith crampsey crampsie crane crangle cranley cranly craobhain craven craw
crawford crawley creadaigh creag creagain crean creed creedon cregan crehan creimin cremer cremin
cremonesi crespi crespo cresswell cretton crevar crevoisier criado criagain cribbons crilly crimin
crimmins crinion criodain criogain criomhthain crionain criostoir criostuir crisafulli crispi crist
cristea cristoforetti crivelli crnekovic crnkovic croad croal crodhal crohan croidheain croil
croinin croithin crolly crona cronallaigh cronelly cronghaile cronin cronly crooks crosain crosbie
crosby cross crossan crota crotaigh croteau crotty crowe crowley cruachain cruadhlaoich cruces
cruchain crudden cruickshank cruis cruise cruitin cruz cryan csonka cuacach cuadrado cuag cuagain
cuaig cualain cuana cuanachain cuanaigh cuanain cuanna cuannaigh cuarnain cuarta cubillos cubric
cucek cuda cuddihy cudic cuellar cuenca cuervo cuesta cueto cuevas cuffe cugia cui cuideagain
cuideaganaigh cuidithe cuigeannaigh cuijck cuileamhain cuileanain cuileannain cuilin cuilinn cuill
cuilleain cuillin cuilliu cuilliudha cuilriabhaigh cuimilin cuimin cuineain cuinn cuinneachain
cuinneagain cuinneain cuinneir cuinnleain cuirc cuireain cuirleain cuirnin cuirreain cuirrin
cuirteir cuirteis cuise cuk cukman cukon culachain culain culhane culi culina culjak cullaigh
cullen culligan cullinan cullinane culloty cully culot cumascaigh cumhail cumhaill cumiskey cumisky
cummerata cumming cummings cummins cummiskey cummisky cundari cunduin cundun cunha cunnaidh cunnane
cunneen cunningham cunny cunuin cunun cuomo cupic curatoli curci curdaigh curdy curic curiel curley
curnain curnane curneen curnyn curraidh curraidhin currain curran curraoin currie curry cursa
curtain curtin curtis cusack cusano cutrufo cutuli cuvarli cuvelier cuyper cuypers cuyvers
cuzzocrea cvenic cvetko cvetkovic cvetnic cvitan cvrtila cwalile cyprich cyprichova cyr d' d'amore
d'arcy d'hondt da daako daakoaa daal daamin dabhain dabhoireann dabhrain dabir dabo dabukke dach
dachgelder dachgeldt dachgelt dada dado dadova daeid daele daems dagane daghnain dagli dagsburg
dahir dahl dahlberg dahlen dahlgren dahlin dahlqvist dahlstrom dahm dahmane dahmani dai daibheid
daibhid daibhidh daibhin daibhis daid daigle daiken daimhin dakhil dala dalaigh dalal dale daleiden
dalem dalerov dalla dallaire dallape dallara dallinger dalmau dalton daltun daly dalziel dam
damanik damijanic damirov damjanovic damme damurah dan dana danachair danaher dancak dancakova
danciak danciakova dandolo dane danek danekova dang dangl dani daniel daniels danielsen danielsson
danilov danjuma danko dankova danner danninger dano danova danso daochain daoda daola daoud daoudi
dar dara darain darcy dardel dardenne dare dargain dargan darko darmody darnau darojkovic das dasey
dasgupta dash dass date datta daud daugherty dautanec dautovic dave davenport davern davey david
davidova davids davidson davidsson davies davila davin davis davison davitt davodov davoren davy
daw dawick dawson dawud day dayal daza de deacair deacon deacy deadaigh deady deaganaigh deagha
deaghdha deak deakova dean deane dearain deargain dearmada dease deasmhumhna deasy deaueroux
debelic debeljak debnar debnarova debroux debruyne decamps deceuninck dechamps decker deckers
deckow declerck declercq decock deconinck decoster dee deegadan deegan deehan deeley deely deeney
deeny deep deere deery degroote degryse degueldre dehmel dehon deid deide deigan deignan deirg
deise deiseach deisigh dej dejardin dejonghe dekeyser dekker dekys dekysova del delacruz deladoey
delaere delahaye delahunty delaney delannoy delap delargy delattre delaunay delcourt delcroix
deledda deleon deleu deleze delforge delfosse delgadillo delgado delhaye delhez delisle delle
dellucci delmas delmotte delorme deloughrey deloughry delporte deltour delvaux delvigne delwayo
deman demanet demaret demers demeulenaere demeyer demeyere demir demirbeyli demirel demmendaal
demoulin dempsey demsar demuth demuynck den denesik deng dengg denihan denis denison denissov denk
dennehy dennenberg denning dennis denny denys deo deol deoraidhin deorain depero depoorter deprez
depuydt der derbal derezic derkaoui dermody dermott derouiche derradji derrig derycke desai
desbiens descamps deschamps deschenes deshmukh deshpande deshusses desio desjardins desmedt desmet
desmond desrochers desrosiers dessart dessel dessy detaille dethier detournay detry detti
deutschmann devally devan devane devaney devanney devaux devecka deveckova devenney dever devereaux
devereux devery devi deville devillers devilly devin devine devitt devlin devolder devos devoy
devriendt dewaele dewan dewez dewilde dewitte dewulf dey deze dhadho dhaibhidh dhaibhis dhaliwal
dhar dhawan dhe dhiarmada dhillon dhingra dhondt dhonncha dhonnchadha dhonnchaidh dhorchaidh
dhuarcain dhubhghail dhubhghaill dhuibh dhuibhir dhuinn dhuinneabhain dhuinnshle dhuinnshleibhe
dhuirnin diaconescu diaconu diaf diallo diarmada dias diaz dib dibbert dibiasi dick dickens
dickerson dickey dicki dickie dickinson dickson dida didier didovic die diederich diego dieguez
dierckx dierick dierickx diesbach diesbergen dietl dietrich dietz dieu dieudonne diez dif diffin
diffley diggin diggins dighe dignan dijck dijk dijkman dijkstra dijoux dikane dildorova dillane
dillen dillon dilnozova dilnurova dima dimba dimbane dimbani din dinabantu dinamarca dinan dinangwe
dindela dindi dineen ding dingila dinneen dinu dinwa diochain diochon diolain dioluin diolun
diomasaigh dion dionne dionun diorain diothchain dippel dircken direain dirksen dirnberger dirrane
dirven discin disdero diskin ditschlerin dittrich divan divenney diver divine diviney dixit dixon
diyorayeva diyorov dizdar djebbar djellal djellouli djoudi dlaba dlabane dlabazane dladla dlakadla
dlakela dlamane dlambula dlamdaka dlamini dlamlenze dlangamandla dlawuza dlebenkomo dlodlo dlomo
dludla dludlu dlungwana dmitriev dobbelaere dobbin dobbins dobes dobler dobre dobric dobsinska
dobsinsky dobson dochartaigh dochioiu dockx docolomanska docolomansky docquier doctor dodd dodson
doesburg doghair dogherty doglioni doherty dohn doibhilin doighre doingeard doirnin dokkum dolain
dolainn dolan dolenc dolezal dolezalova dolic dolinar dolinsek domenech domhnaigh domhnaill
domhnallain domingo domingues dominguez dominikovic dominkovic dommelen dona donagher donaire
donald donaldson donaoile donarelli donati donatoni doncabe doncevic donchadha donchu donda donegan
dong dongen donghaile dongoran donini doniyorov donkor donlon donnabhain donnacha donnagain donnain
donnan donnay donncha donnchadha donnchaidh donnchu donndhubhartaigh donndubhartaigh donnell
donnellan donnelly donnghaile donnghusa donoghue donohoe donohue donoso donovan dony doody dooey
doogan doohan doolan dooley dooly dooren doorhof doorn doornhem doorty doppler dora dorai doran
dorcha dorchaidh dorchaidhe dorchaigh dorchain dordain dordan dore dorfer dorgan doria doring dorka
dorko dorkova dorn dornan dorner dorot dorota dorotova dorova dorr dorrian dorschner dorsey dorsman
dos doshi dossetti dossi dostal dostalova dostert doucet doudigan dougherty douglas doumont dovara
dovudov dowd dower dowerg dowey dowley dowling downes downey downing downs doyen doyle draaisma
draghi dragicevic dragobratovic dragojevic drajna drajnova drake drakulic drandic draxler drazic
drennan drenthe dretvic drew drewes drian dries driesen driessche driessen drisceoil driscin
driscoll drobna drobny drochain droguett drohan droighneain drolet droma drona dronaidhe droney
droppa droppova drotar drotarova drouin droz drozdov druachain druart drub drubin drum drumm
drummond drummy druso drysdale du dua duah duan duane duarcain duarte duba dubandlela dubazane dube
dubey dubha dubhabhoireann dubhagain dubhaigh dubhain dubhartaigh dubhchain dubhda dubhdabhoireann
dubhdhain dubhgain dubhghaill dubhlaigh dubhlain dubhlainn dubhlaoich dubhluachra dubhradain
dubhshlaine dubhthaigh dubhuidhe dubnicka dubois dubovecak dubovska dubovsky dubuisson dubuque
duchene duchesne duda dudas dudek dudekova dudik dudikova dudka dudko dudkova dudley dudo dudok
dudokova dudova duenas duez duff duffin duffy dufie dufour dufrane dufrasne dufresne dugain dugal
dugar duggan duguay duhamel duhig duhy duibhealla duibheannaigh duibhfhinn duibhgeadain
duibhgeannaigh duibhgeannain duibhghealla duibhghiolla duibhginn duibhin duibhinn duibhir
duibhleanna duibhlearga duibhne duibhthe duigeannaigh duignan duigneain duilearga duilleain
duineacha duinn duinneacha duinneachain duinnin duinnlei duinnshle duinnshleibhe duinsmearach
duirnin duithche duivenvoorde duivenvoorden dujardin dujmovic dukada duke dukic dula dulaigh
dulbecco dulchaointigh dulla dullova dulohery dulova duma dumakude dumanli dumas dumina dumins
dumisa dumitrescu dumont dumortier dumoulin dunadhaighe dunai dunaighe dunain duncain duncan
dunford dungan dunge dunlaing dunlap dunleavey dunleavy dunn dunne dunning dunny dunphy dunser
dunshleibhe dunurta dunworth dunyoeva duodo duong dupont dupre dupuis dupuy duque duquesne durai
duran durand durant durante durasevic durca durcain durchain durco durcova durdik durdikova
durdonova durdu durek durekova durgan durham durica duricova durieux durinic duris durisova durka
durkan durkin durko durkovic durkovicova durkovska durkovsky durmus durnan durnin durning duro
duroux durova durovic durovicova durovsky durovskyova durrihy dury dusa duse dusek dusekova dusicka
dusickova dusik dusikova duska dusko duskova dusova dussart dussen dutka dutko dutkova dutrieux
dutt dutta duval duvancic duvanel duvenvoirde duvivier duyaza duyvenvoorde duze dvojak dvonc
dvoncova dvorak dvorakova dvorska dvorsky dwala dwamena dwane dwyer dyal dyck dyer dzapo dzene
dzenis dzurjanin dzurjaninova each eachaidh eachain eachmharcaigh eain ealanaidh eanaigh earl earle
early easboig eaton ebdulrehmanli eberhard eberhardt eberharter eberl eberle ebert eberth ebner
echevarria echeverria eck eckbauer ecker eckhardt eco edberg eden eder ediloglu edin edlinger
edlund edman edmonds edstrom edun edvardsen edvardsson edwards edwin eeckhout eelman eerden
eerenbeemt efendiyeva efendizade effertz eftimie egan egea egger egisheim egli eglinton eglite
eglitis egorov ehlert ehmedli ehmedov ehmedzade ehsaas eibhir eibl eichberger eichenberger eichhorn
eichinger eichmann eide eigenwillig eijkelboom eijndhoven eijssel eil eilfirt eimer einarsson
einaudi eischen eisl eisner eiteagain eitheagain eivers ejlaal ek ekai ekal ekberg ekberova
ekberzade ekdahl ekelund ekeno ekholm ekidor ekiru ekitela eklof eklund ekman ekstrand ekstrom
ekwueme elatli elberts elbertse elder elekberli elekberzade elgueta elias eliassen eliasson
elibeyli elibeyov elifova elijah elioglu elixanli eliyeva elizade elizondo eller ellery ellezoglu
ellingsen elliot elliott ellis ellison elo elofsson eloranta elorza eloy elsemulder elsen elsenaar
elwood elzas emanuelli emanuelsson emard embden emilsson eminov emirli emirov emirova emmanuel
emmelen emmen emmerich emo emond emuria en encina ender endo endrizzi ene engberg engdahl engel
engeland engelen engels engen engl englebert english englund engman engstrom engvall ennis enri
enright enriquez enschot entringer enzinger eochadha eochagain eochaidh eochain eoghain eoin eoinin
eothach eraslan erazo erber erceg ercegovic erdman erdogan eregae ergotic ergul erhart erhout
erices erickson ericson ericsson erik eriksen eriksson erjavec erkkila erlacher erlandsson erler
erm erni ernits ernser ernst eronen erpelding errani errigo ersek ertas ertl erupe erve ervin
ervine erzen es escalante escalona escamilla escobar escobedo escolano escribano escriva escudero
esekon esfandyar esgerli esgeroglu esgerov esgerova eshan esinyen eskelinen eskola espada espana
espanol esparza espejo espinal espino espinosa espinoza espitia esposito esquibel esquivel esson
estay este esteban estes esteve esteves estevez estey estrada eterovic etienne etyang etzler etzold
eugster eustace evans evelingen evensen evequoz everaert everde everett evers everts evoy evrard
ewart ewen ewing ewoi exposito eyanae eylisli eynde eyvazali eyvazli eze ezeugo ezimzade fabbri
faber fabian fabianova fabijanic fabra fabre fabregas fabregat fabrizi fabry fabus fabusova fachtna
fadden fadel fadian fadipe faes fagain fagan fagerstrom faggiani fagiani fagotto fagunwa faherty
fahey fahy failbhe fair faircheallaigh fairhall faith faivre faizan fajardo fajimi fajnor fajnorova
fakazi fakude falabi falco falcon falcone faleti falier falk falkner fall fallaci fallamhain fallon
falloppio faloye falvey fan fang fanisa fankhauser fannin fanning fannon fantini fantoni fantozzi
fanucci faodhagain faoite faolain farago farah faranain faranda farangizova farell fares farhodov
faria farias farida farina farinelli farizayeva farizov farkas farkasovska farkasovsky farland
farley farmer farnan farnese farnon farragher farre farrell farrelly farren farrissey farrissy
farry farta farzonova fasasi fasching fasiang fasiangova fatha fathaigh fatharta fathartaigh
fattori fauconnier faugno faulkner faull faundez faure faust favata favre fay fazekas fazli fealy
fearachain fearachair fearadhaigh fearain fearchair feardhaigh fearghail fearghaile fearghaiosa
fearghusa fearon fearrai fearraidhe fearraigh fechant fechner federici federico fedor fedorov
fedorova fedotov fee feehan feeley feely feeney feenstra feeny feest fegan fehan feher fehilly fehr
fehringer feichin feichtenschlager feichter feichtinger feichtner feiereisen feighery feigl feijoo
feil feinen feinneadha feirtear feith feithin fekete felban felber feldek feldekova felder
feliciano feliu fellah feller fellinger fellner felten feltgen feltz feltzer fenelon feng fenighty
fenlon fennell fennelly fennessey fenning fenton fenya fercher ferecov ferenac fergus ferguson
ferhat ferland ferm fermi fernandes fernandez feron ferrabosco ferrada ferragamo ferragni ferran
ferrand ferrandez ferrandiz ferrando ferrante ferrara ferrari ferraris ferrata ferrazzi ferreira
ferrell ferrer ferrera ferreras ferrero ferretti ferreyra ferris ferriter ferrucci ferry ferstl
feruzova feyder feys fhailghigh fhaolain fhearadhaigh fhearchair fheargail fhearghail fhearghaile
fhearghusa fhearraigh fheorais fhiachra fhinn fhinneachtaigh fhinnein fhionain fhionghuin
fhionnachta fhionnachtaigh fhionnghaile fhionnlaich fhionnlaoich fhionntaigh fhiontaigh fhir
fhlaithbheartaigh fhlaithimh fhlannagain fhlannain fhlannchadha fhloinn fhogartaigh fhualain
fhuallaigh fiacha fiachain fiachna fiachra fiaich fiala fialova fiannachta fiannachtaigh fiannaidh
fiannaidhe fiannaigh fibonacci fica fichtinger ficino fico ficova fidvi fiebig fiedler field
fielding fields fieramosca fiere fierens fierro figheadora figueiredo figueras figueroa figuerola
fihlela fikretoglu filali filangieri filar filatov filban filbin filc filcova filip filipcic
filipek filipekova filipic filipko filipkova filipova filipovic filippelli filippini filippov
fillion filogamo filzi finan finch findlay finegan finetti fink finka finke finkova finlay finley
finn finneachta finneadha finnegan finneran finnerty finnthighearn finnucane finotto finucane finzi
fiodhabhra fiol fiona fionartaigh fionnachta fionnachtaigh fionnagain fionnain fionnallain
fionndhubhcain fionnghaile fionnghalaigh fionnghusa fionnlaoich fionnmhacain fionntain fioravanti
fiorucci firat firbhisigh firdavsev firgantoro firmansyah firtear fisch fischbach fischer fischetti
fiser fiserova fisher fithchealla fithcheallaigh fittipaldi fitz fitzgerald fitzgibbon fitzgibbons
fitzmartin fitzmaurice fitzpatrick fitzsimmons fitzsimons fjodorov flaas flabhain flaherty flahive
flaiano flaithbhearta flaithbheartaigh flaitheamhain flaithearta flaithimh flaithimhin flaitile
flament flammang flanagain flanagan flannabhra flannagain flannagan flannchadha flannelly flannery
flannghaile flantz flarta flathamhain flatharta flathartaigh flatley flavin fleche fleck flego
fleischhacker fleischmann fleming fletcher fleury fliegner flink flinn floch floinn flood flor
florea flores florez florio flowers floyd fluckiger flynn fo foa foconi fodhladha fodor fofie
fogaca fogarta fogartaigh fogarty fogas fogasova fogazzaro foghladha foghlu foghludha foidl folan
folch foletti foley folkesson folliero fomin fonck fondo fonjallaz fonseca font fontaine foody foot
foote forain foran forbes ford forde forero forgac forgacova forget foriwaa forjan forkin formbach
fornaciari forrest fors forsberg forsell forsgren forslund forsman forster forstner forsyth fortier
fortin fortuny fortuyn forza foscari foser foster fosu fosua fotimayeva foucart foucher fouquet
fournier fowler fox foy foyle fracci fraher frainclin frami frana frances franceschi franch
francillon francis francisco franck franco francois francoise frandsen franecki franek franekova
franic franicevic franjic frank franka franke frankhuizen franklin franko frankova frano franova
franscini fransen franssen fransson franusic franva franz franzen franzese fras fraser frawley
frazier freaney frechette frederick frederiksen fredes fredriks fredriksen fredriksson freeley
freely freeman freeney freeth frei freil frein freis freitag freitas frema fremie french frere
frerichs frescobaldi fresh freshour freudenberger freudenthaler frey frias friberg frick frid
friederich friedl friedli friedman friedrich friehus friel friesen frighil friis frimer frimerova
frimpomaa frisch friscic frisk frithile fritsch fritz frketic frohlich frolov frommelt froschauer
froschl frost fruhwirth frutos fry frye ftacnik ftacnikova ftorek ftorekova fu fuada fuadachain
fualain fuallaigh fuarain fuarthain fuaruisce fucek fuchs fuente fuentealba fuentes fuenzalida
fuertes fuhrmann fujiati fujii fujita fujiwara fukuda fuli fuller fulop fulton fundi funk funnell
furaigh furda fureder furey furlan furness furrer furst fusani fuseli fuster fuzaylov fyfe gaasch
gaba gabadela gabaldon gabba gabbana gabela gabhachain gabhain gabhann gabhezi gabhisa gabhlain
gabriel gabrieli gabrielsson gabriyelov gabud gacem gachain gachanja gacheri gacheru gachoki gadda
gade gadhra gadlela gaete gaffney gafraigh gagashe gaggini gagliano gagliardi gagne gagnon gagys
gahan gahleitner gaiatto gaibhin gaibhre gaibhtheachain gaiciunas gailius gaillard gaillin
gailliuin gailys gaine gaineard gaines gainey gairbhe gairbhia gairbhighe gairbhin gaitan gaito
gaizauskas gajardo gakii gal gala galain galan galarza galaz galdames galdikas galeano galeati
galenzone galesic galgallo galgalo galiano galiazzo galic galijn galik galikova galilei galindo
gall gallagher gallaher gallain galland gallardo gallart gallchobhair gallchoir galle gallego
gallegos galleguillos gallen galler gallet gallez galligan gallivan gallo gallogly galloway galova
galovic galtarossa galu galuppi galvan galvani galvez galvin galvis gama gamble gamboa gambu
gambuse gamede gamez gamhna gamhnain gamsjager ganaird gandhi ganesan ganesh gangemi gangl ganguly
ganley ganly gannon gao gaoith gaoithin gaona gaora gara garaidh garate garavan garay garba
garbhain garces garcia garde gardiner gardner garety garg gargallo gargan garibaldi garibay garica
garland garmendia garner garnier garobbio garozzo garraghy garrahy garret garrett garrido garriga
garrihy garrison garrone garry gartlan gartland gartner garvey garvin garza garzon garzoni gasa
gascon gasela gashi gaskin gasmi gaspar gaspard gasparova gasparovic gasparovicova gasperi gasser
gassner gastel gastelum gately gates gathain gathogo gathoni gati gatica gatimu gatsheni gatti
gatto gattringer gatwiri gaudin gaudreault gaughan gauthier gautier gavaghan gavalier gavalierova
gavenda gavendova gavican gavigan gavin gaviria gavornik gavornikova gavrilov gay gaya gaylord
gaynard gaynor gaytan gazo gazova gazu gcaba gcaleka gcugcwa gcumisa gcwabe gcwensa gealabhain
gealagain gealbhain geanain geannain geany gearabhain gearachaigh gearailt gearain gearan
gearchaigh geard geargain gearty geary gebashe gebhezi gedeza gedi gee geenen geens geeraerts
geerling geerts geertsen geest geffen gegic geherty gehringer geibheannaigh geibhinn geidigh geier
geiger geimhridh geisel geisler geissler gelabert geldens gelder gelemanovic gelinas gellemeyer
gelli gemen gemert gemito gence genceli gendron geneart genechten genefaas gengeshe gengler genot
gent gentileschi gentili gentilini gentry geoghegan george georges georgescu gepa gera geraci
geraghty gerard gerarghty gerassimov gerber gerhold gerlach germain germano gerrits gerritse
gerritsen gertz gervais gestel geudens geuens gevaert geyer gfeller ghabhann ghafoor ghailing
ghalloglaigh ghanee ghannam gharbi ghasaan ghauth ghayoor ghazi ghazzal gheimhridh gheorghiu gherbi
ghille ghilleathain ghirr ghislain ghoerle ghoill ghose ghosh ghuala ghunayn ghunna ghutayf
giacconi giacometti giammusso gianetti gianinazzi giannelli giannetti giannini giannone giannotti
giannuzzi gianvecchio gibb gibbon gibbons gibbs gibert gibilisco giblin gibne gibney gibson gichana
gicheru gichohi gichuhi gichuki gichuru gielen gierschner giess gifford gigaba giger gigli giguere
gikonyo gil gilabert gilardoni gilbane gilbert gilbride gilchrist gildea gilduff giles gilgunn
gilhooly gill gillain gillan gillard gilleathain gillen gilles gillespie gillet gillic gillick
gillieron gillies gilligan gilliland gillin gillis gilliuin gillooly gilmartin gilmore gilroy gils
gilsenan gilson gimenez gimeno gina gindl ginea giner ginese ginesio ginevan ging gingras gininda
ginkel ginnea ginneadha ginneke ginnitty ginnity gintalas ginty ginzburgas giobalain gioballain
gioberti gioblain giobuin giobun giolitti giolla giollagain giollain giollarnath giollarua
giollaruaidhe gionain gionnachtaigh gionnain giontaigh giorgetti giovine giradello giraldo giralt
girard giraud giron girona giroux girschner girvan gisbert giselmeyer gislason gitahi gitari gitau
githaiga githinji gitonga giulietti giunti giusti givern glaibhin glaimhin glaisne glasain glaser
glasnovic glass glasses glatz glavan glavin glavor glazier gleannain gleason gleasure gledhill
gleeson gleichner glenn glennon gliasain gligora glineur glionain glionnain glod gloden glodt gloin
gloinn gloinne gloor glosteir gloster glover gluck glynn gmeiner gnatz gnimh gnodde goba gobain
gobert gobhann gobhozi goblet gocnik gocnikova goda godana godard godart goddard godec godefroid
goderts godet godfrey godfroid godide godin godinez godinic godoy goedert goedhart goel goerens
goergen goerle goethals goethem goetzinger goff goffaux goffin goffinet gogain gogan gogarty goggin
gohar goibin goicoechea goilin goill goillidhe goireachtaigh goje gokhale gola golden golding
goldner goldoni goldrick goldstein gole golgi golino golla gollain gollan gollner gollum golob
golubev golubic gomboc gomes gomez gomila gomis gona goncalves gong goni gontsarov gonzaga gonzales
gonzalez gonzalo good goodman goodwin goossens goovaerts gopal goransson gorbunov gorczany gordillo
gordon gore gorenc gorevan gorey gorham gori goris gorjup gorlitz gormain gorman gorp gosch goschl
gosselin gosset gossiaux goswami gothraidh gotic goto gotsholo gottardi gotthard gotti gottlieb
gotz goudriaan gough gould goulden goulding goulet gour govaerts govarts govoni govorcinovic
goyaerts goyal goyette goyvaerts gozelov gozzano gozzi graaf grabher grabner grace gracia gracin
grada gradaigh gradenigo gradha grady grae graeve graf graham grahams grahn graindorge grainne
graith gralaigh grallaigh gramhna gramsci granado granados granatelli granath granberg grand grande
grandjean granlund granstrom grant gras grasser grassi grassl grasso gratie grattan gratz gratzer
gratzl grau gravel gravensande graves gravina gray grba grbac greachain greadaigh grealaigh
grealish greally greanachain greaney greco gredicak greef greehy greelish greely green greene
greenfelder greenholt greenwood greer gregersen greggio gregoire gregor gregori gregoric gregorio
gregorova gregory gregov gregus gregusova greig greij greil greill grein greine greiner greisch
gremese gren grenier grennan grethen grewal grey grgic grgurevic grguric grgurovac grialais
griallais grianain grianna grianra gribhthin griego griesser grifeo griffen griffin griffith
griffiths grifin grigoriev grijalva grill grimani grimes grinius grinsven griobhtha griobhthain
griofa griofha grisoni gritsch gritti grna grnova groarke grob groen groenendaal groenestein grogan
grojean gromov grondel grondelle grondin gronlund gronroos gronskis groof groogan groot groote gros
grosjean gross grossi grote groth grottner grover growney gruagain gruber grubisic gruijl gruijter
gruil grunberger grundner gruner grunt grunwald gruson grzetic grzincic grznar grznarova gschaider
gschwandtner gstohl gstrein gu guaire guairim guajardo gual gualandi gualtieri guarana guarato
guard guardado guardia guardiola guariento guarneri guay gubain gubben guberan guberovic gubeshe
gubhela gubhuza gubulundu gucci guclu gude gudelj guellec guendouz guerfi guerin guerra guerreiro
guerrero guessoum guevara gugan guggenberger guglielmi gugushe guha guibert guibhir guicciardini
guichard guidhir guidone guidotti guihan guijarro guilbert guilfoyle guillaume guillemette guillen
guillet guilli guillon guillot guillou guinan guinane guinevan guiney guinizzelli guinnane guinness
guiot guiry guit guitart guithin gul gulan gulati gulbrandsen gulcher gule gulen gulfam gulgowski
guliwe gullberg gullery gullotta gulotta gulshan gulyas guma gumbi gumede gumprich gunain gunarto
gunawan gundersen gunn gunnarsson gunning gunpf gunther guo gupta gure gurule gusev gusikowski
gussoni gustafsson gustavsson gustin gut gute guthrie gutierrez gutknecht gutkowski gutmann guy
guyo guyon guyot guzman gwacela gwagwa gwala gwamanda gwanyana gwija gwynn gxabhashe gyamfi
gyamfiaa gyasi gyasiwaa haack haag haan haapala haapanen haapaniemi haarlem haas haase haataja
haavisto haberl habha habibi habibov habibova hablak hablakova habpanom habsuda habsudova hachemi
hacibeyli hacibeyov hacizade hacker hackett hackl haddad haddouche hadebe haderer hadfield
hadhlairt hadhra hadichayeva hadijayeva hadjadj hadji hadrovic hadzic hae haeften haengreve haering
hafliger hafner hagain hagan hagara hagarova hagberg hagen hagendoorn hagenes hager hagg haggerty
hagglund haggstrom haglund hagman hagstrom hagurtaigh hahessy hahn haibheartaigh haicead haichir
haid haiden haider haidhleart haidinger hailgheanain hailgheasa hailin hailiosa hailpin haimhirgin
hainaut hainchin haindl haines hainifin hainin hainion hainle hainli hainligh hainmhireach
hainmneach hainthin hainzl hairbheasaigh haire hairmeasaigh hairmheasaigh hairt hairtneada
haiseadha haithbheartaigh haithchir haitheasa hajdu hajek haji hajkova hak hakala hakansson hakim
hakkarainen hakker hakkinen halak halake halakova halambek halapir halasz halder hale haley halidov
halim halimah hall hallachain hallahan hallanan hallberg haller halleux halley hallgren hallik
hallin hallinan hallissey hallmhurain halloran halme halmhain halonen halpen halpin halsdorf
haluska haluskova halvarsson halvorsen halvorson ham hamadi hamadouche hamalainen hamaland hamann
hamdani hamdi hamel hames hamidi hamill hamilton hamisi hamlaoui hammadi hammar hammarstrom hammer
hammerer hammerl hammerle hammes hammond hamon hamoudi hampton hamza hamzaoui han hanafin hanain
hanak hanakova hanbury hancer hancock hand handa handayani hande handl handler hane haneberg
hanegraaff hanek hanekova hanel haney hangala hanka hankard hanko hankova hanley hanlon hanluain
hanly hanna hannagain hannah hannaidh hanncard hannecart hannigan hanninen hannlaoigh hannon
hannrachain hannraoi hannula hanrachtaigh hanrahan hanraoi hanratty hans hansen hanson hanssen
hanssens hansson hanus hanusaigh hanusek hanusekova hanuska hanuskova hanusova hanzek hanzel
hanzelova hao haodha haodhgain haogain haoidhgin haoidhne haoilbheard haoileain haolain haollain
haonachain haonghuis haonghusa hara harahoe haraldsson haran harapin harber harcain hardi
hardiansyah hardie hardiman hardin harding hardy hare haren hargadain hargadon hargain hargan
hargreaves hari haring hariyah harju harkin harkins harkonen harlaigh harley harloff harm harmon
harnett haro harper harrachtain harragain harrell harrer harrihy harrington harris harrison harry
hart harta hartagain hartati harte hartigan hartikainen hartl hartley hartman hartmann hartnett
hartung harty harvan harvanek harvanekova harvanova harvey haryanti haryanto hasan hasanah hasanov
hascak hascakova hasegawa haselaar hashimoto haslauer hasler haslinger haspengouw hassan hassanah
hassani hassett hastey hastie hastings hastuti hasty hatfield hattinger hatton hauck hauer hauffer
haug hauge haugen haugh haughey haugland haumer haupert hausberger hauser hausler hautala hautamaki
havel haverinen haverty havlicek havlickova havran havranka havranko havrankova havranova hawe
hawkins hawthorn hay hayashi hayden hayer hayes haynes hayre hayrioglu hays hayward hazenveld he
heachadha heachairn heachthigheirn headhnu headhra headtromain heaffy heagain heaghra heaghrain
healai healaigh healaithe healey heallaigh healuighthe healy heamhthaigh heanachain heanagain
heanaigh heaney heanna heaphy hearain hearbhaird hearbhard hearcain hearchaidh hearchu hearghail
hearghaile hearn hearnain hearne hearrain hearty heath heathcote heavey hebenstreit hebert
hechenberger hecimovic heck hecke hecker heckett hecko heckova hedberg hedderman hedigan hedin
hedlund hedman hedstrom heeb heelan heenan heeney heer heere heerenveen heerkens heerschop
heffernan hefferon heffron hegarty hegde hegedus heger heggarty hegmann hehir hehl heibhrin
heichthigheirn heideagain heideain heiden heidenreich heiderscheid heidhin heidhni heidhniu
heidrich heifearnain heifrin heigcheartaigh heigearta heigeartaigh heigheartaigh heighne heighnigh
heighniu heigl heijden heijman heijmans heijmen heikkila heikkinen heil heili heilidhe heiligh
heilire heim heimhigh heimhin heimhrin heimhthigh hein heindl heineachain heinen heini heinniu
heino heinonen heinri heinrich heinrichs heinsalu heinsoo heintz heintze heinz heinzl heireamhoin
heirens heiskanen heislin heiss heissenberger heiteagain heithchir heithir hekker helaoire held
helen helenius helery helgesson helin hell helland hellberg hellemans heller hellevoort hellgren
hellman hellstrom hellwig helm helmerhorst helminen helsen hely hemert hemetsberger hemma hemmen
hemmer hempenstall henao henck henderson hendrick hendricks hendrickx hendriks hendrikse hendrix
hendry henebry heneghan henegouwen henery heney hengen henin henk hennebry hennelley hennelly
hennessey hennessy henni hennigan henningsson henrard henri henric henriksen henriksson henrion
henriques henriquez henrotte henry hens henschel hensley henson henst hentschel heochach heochadha
heochaidh heodhasa heodhusa heoghain heoghanain hepburn hepenstall heraghty heras heraty herbert
herbst herceg herck herd heredia heremans heretik heretikova hereward heribert hering heripon
herity herlihy herman hermann hermans hermansen hermansson hermes hermighausen hermiston hermosilla
hernadez hernandes hernandez hernando hernon heron herout herranz herrera herrero herring herrmann
herstal hertrampf hervas herve hervia herzog hesbaye hesenov hesenzade heser heskin heslin hess
hesse hessel hession hester het hethur hettinger hettner heuertz heusden heuser heuvel hever hewitt
hewson hexspoor heyden heyderli heydrich heylen heymans heyne heyvaert hhoyiyane hiarfhlaithe
hiarfhlatha hiarnain hiceadha hici hicidhe hicin hickey hickle hickman hicks hicog hidalgo
hidayanto hidayat hide hierro hietala hietanen hifearnain higgins highne higueras hilary hilbert
hilger hill hillen hiller hillery hilliard hilll hillow hills hilmer hilmerova hilpert hilti hilton
hiltunen himmelbauer hindeberg hineiri hineirigh hines hinic hinneirghe hinney hinojosa
hinterberger hinteregger hinterleitner hinton hintz hiocog hiolain hiollain hiomhair hionnghaile
hiorbhaird hiorbhard hirsch hirschmann hirt hirthe hirvonen hishon histon hjalmarsson hjelm hjort
hlabangane hlabisa hladka hladky hlatshwayo hlavac hlavacik hlavacikova hlavacova hlela hlengwa
hlinik hlinikova hlinka hlinkova hlomuka hlongwa hlongwane hlophe hlubi hlumakazi ho hoang hoarau
hoare hoareau hobain hoban hobbs hocevar hochleitner hochreiter hocine hodak hodel hodge hodges
hodgson hodhra hodhrain hodkiewicz hodl hodnett hodson hodza hodzic hodzova hoecke hoedemakers
hoeger hoek hoeks hoekstra hoelen hoes hoevel hoeven hoey hofbauer hofer hoffman hoffmann hofig
hofinger hofler hofman hofmann hofmeister hofstatter hofstetter hogain hogan hogberg hogg
hoghartaigh hoglinger hoglund hoibicin hoileain hoir hoirbheaird hoirbheard hoirchinnigh
hoireabaird hoireabhaird hoireabhard hoireachtaigh hoiscin hoisin hoistin hokkanen holappa holcik
holcikova holdaway holden holder holgersson holguin holic holicek holicekova holicka holickova
holicova holik holikova holl hollain holland hollander hollarain hollaus holler hollins holloway
holluin hollywood holm holmberg holmes holmgren holmqvist holmstrom holohan holopainen holst
holsten holt holthuis holub holubec holubecova holubek holubekova holubka holubko holubkova holubok
holubova holuby holvoet holzapfel holzenbecher holzer holzinger holzknecht holzl holzmann homenick
honan hondeveld honing honkanen honore hood hoof hoog hoogers hoogh hook hoop hooper hoover hope
hopkins hoppe hoppenbrouwer hor hora horacek horackova horain horak horakova horan horcain hordha
hore horemans horgain horgan horl horle hormann hormazabal horn horne hornich hornig horrocks horst
horton horvat horvatek horvath horvathova horvatic horvatinec hosae hosey hoskins hosp hoss
hosseini hostaden hostak hostakova hoste hotz hou houari houben houde houdijk hougardy hough
houghton houle houlihan hourachain hourican hourigan hourihane house houston houteveen hove hovel
howard howarth howe howell howells howley hoyos hoz hoza hozjan hozova hrabar hranic hranj hrasko
hraskova hrastinski hrdlicka hrdlickova hren hrianka hriankova hribar hribernik hric hricova hrmo
hrmova hrobon hrobonova hrovat hrsak hruba hruby hruska hruskova hrusovska hrusovsky hrvojic
hrzenjak hsia hsiang hsiao hsieh hsin hsing hsiung hsu hsueh hu hua huaillearan huaithne huaithnin
hualla huallachain huallaigh huang huart huba hubain hubbard hubel huber hubert huberts huberty
hubin hubmann hubner hubova hucko huckova hudacek hudacekova huddleston hudec hudecova hudson huel
huels huemer huerta huertas huet huff huffman hufnagl hug hughes hugo huguet huhn huhtala huidhir
huigin huiginn huijben huijbrechts huijs huijzing huirthille huiscin huisman huitseachain huka
huljev hull hullain hulle huls hulshouts hulskes hulst hult hulten hultgren hultman humayrova
humbert humblet hume humer hummel hummer hummetov humoyunov humphrey humphreys humphries hunerik
hung hunt hunter hunziker huotari huovinen hupka hupkova hurd hurdail hurley hurlimann hurmholtaigh
hurst hurt hurtado hurthuile hus husak husakova husar husarova husek husekova huseynbeyli huseynli
huseynoglu huseynov huseynova huska huskova husnjak huso husova huss hussain hussein hussey hustak
hustakova hutagalung hutapea hutasoit hutchinson hutchison huter hutta hutter hutterer hutton
huttova huttunen huurdeman huuskonen huybrechts huyghe huynh huys huysmans huzaifa hyatt hyde
hyland hyman hynes hynman hytonen hyttinen hyvarinen hyvonen iacobucci iacovelli iadanza iago
iannelli iannotti iannucci iannuzzi iarla iasachta iascaire ibacache ibanez ibarra ibikunle iborra
ibraaheem ibrahim ibrahimbeyov ibrahimli ibrahimoglu ibrahimov ibrahimova ibrohimov idris idrisli
idrisoglu iforayeva iftikhaar iglesia iglesias ignac ignatjev igo igoe ihab ihalainen ihejirika
ihnacak ihnacakova ihsaan ihsanoglu ihtiram ii ijli ikeda ikhlef ikonen ilan ildirimoglu ilic
ilijic ilinovic iljin illes ilori ilupeju ilves imali imanzade imbert imhof iminza immonen imonova
impastato impe imrich imrichova imronov infante infantino inglis ingoldsby ingram ingvarsson
iniesta iniguez inneirghe innocenti innseadun inonu inostroza inoue intaum interiano interminei
interminelli inzaghi inzunza iomaire iomhair ionescu ionita ionrachtaigh ioppi iosa iosog iqbal
irawan ireland ireri iriarte irizarry iroha irungu irvine irving irwin isaac isabeyli isah isaksen
isaksson isaxanli isella isern isfandiyorov ishii ishikawa isler islomov ismail ismayilqizi
ismoilov israelsson issa issac issack issak iswahyudi iten ito iturra iustas ivancan ivandic ivanov
ivanovic ivarsson ivask ivaska ivaskova ivers iversen ivory ivsic iwu iyanda iyengar iyer iymonova
izaguirre izquierdo jaabir jaakkola jaakson jaanson jaanus jaaskelainen jaatinen jabir jabr jaceps
jackel jackman jackson jacob jacobi jacobs jacobsen jacobson jacobsson jacoby jacot-descombes
jacot-guillarmod jacquemart jacquemin jacques jacquet jacquot jacuzzi jad jadot jadoul jaen jafari
jagarinec jagecic jager jaggi jahdami jahdari jahn jahongirov jailani jaime jaimes jain jaiyeola
jakab jakel jakobsen jakobson jakobsson jakopec jakopovic jakovac jakovic jakovlev jakovljevic
jakub jakuba jakubcek jakubcekova jakubcik jakubcikova jakubco jakubcova jakubec jakubecova jakubek
jakubekova jakubik jakubikova jakubka jakubko jakubkova jakubova jakubowski jakupic jakus jalaal
jalakas jali jalil jalolov jalonen jalovec jalovecova jama jamaal jamar jamasijadu jameel james
jameson jamieson jamile jamnik jamshidov jan janak janakova janca jancek jancekova janco jancova
janda jandl jandova janecek janecekova janecka janecko janeckova janek janekova janes janezic jani
janik janikova janisch jank janka jankauskas janko jankova jano janocko janockova janos janosek
janosekova janosik janosikova janoska janosko janoskova janoso janosova janova jans jansdr janse
jansen jansse janssen janssens jansson jantosovic jantosovicova jantsch jantti januar jao jaque
jaquez jara jaramillo jarc jarl jaros jarosova jarso jarv jarve jarvela jarvenpaa jarvi jarvinen
jarvis jaskolski jasminova jasprica jasso jast jauhiainen jauk jaume jaunzema jaunzems jauregui
javohirov javornik jayaraman jdotte jean jebet jedlovska jedlovsky jefferies jefferson jeffries
jefimov jefwa jeggij jegorov jehle jeitz jekel jelagat jelavic jele jelen jelic jelimo jelinek
jelinkova jelle jellyman jemeli jemric jemutai jen jendek jendekova jenewein jenkins jenko jenni
jennings jensen jenssen jepchirchir jepchumba jepkemboi jepkemei jepkirui jepkoech jepkogei
jepkorir jepkosgei jepleting jepngetich jeppesen jeppsson jepsen jeptoo jerde jereb jerez jeric
jerkovic jermakov jerman jerono jerop jerotich jersov jerusalem jeruto jespersen jessel jessen
jesus jezek jezkova jha jhaveri jia jiang jibela jibril jilani jiles jili jillo jimale jimenez
jiminez jin jiyane jobe jobstl jochems jockel jodar jode joe joel joesaar jofre jogi johal johann
johannessen johannesson johansen johanson johansson john johns johnsen johnson johnsson johnston
johnstone jokela jokinen jokiwe joly jomini jomo jonas jonasson jonata jonatova jonckheere jones
jong jonge jonghe jonjic jonker jonkman jonsson joos joosten jopich jorda jordan jorgensen joris
jorlink jorquera jorrisen josefsson joseph joshi joshua josipovic jost joubert jourdan jovanovac
jovanovic jove jover jovic jovinelli joyce joye jozic juan juarez judd judge juen jug jugovac
juhanson juhasz juhkam juhlin jukic julia julian julien julius julliard juma jumba jumiege junas
junasova junck juncken juncker jung jungfer jungwirth junior junitz junk junken juntunen juqula
jurado juras jurasova jurca jurcic jurcina jurcinova jurco jurcova jurek jurekova juresko juretic
jurgens jurgenson juric jurik jurikova jurina jurinova jurisic jurisson jurjevic jurka jurko
jurkova jurkovic jurkovicova jurlina jurrijens jussila juttner juvara juvonen kaamil kaar kaari
kaarik kaasik kaay kabeer kaberia kabir kabiru kabui kaburu kabus kachela kaci kadak kadakia
kaddour kaddouri kade kadenge kadi kadija kadlec kadlecova kadri kadzo kafer kageha kagendo kager
kagi kagwiria kahindi kahinu kahkonen kahlina kahr kaikkonen kaimenyi kain kaindl kaingu
kainulainen kainz kairu kairys kaiser kajuju kakai kakar kala kalama kalamees kalan kalanjos
kalazic kalcher kalda kale kaleem kaleema kaleja kalejs kalekye kalin kalinak kalinakova kalinin
kaliska kalisky kalita kaljula kaljurand kaljuste kaljuvee kalla kallas kallaste kallen kallert
kallio kallstrom kalm kalman kalmus kalnina kalnins kaloki kaltenbock kaltenbrunner kaltenegger
kalume kalvaitis kalvelis kalvenas kamal kamalanon kamande kamarainen kamathi kamau kambs kamdar
kamel kamene kammerer kamp kamper kamran kamronov kan kanana kananu kanda kandie kane kanepa kaneps
kanerva kang kang'ethe kangas kangethe kangley kangogo kangro kangur kaniak kaniakova kanini
kaniski kanja kankaanpaa kannan kant kantola kanyi kao kapadia kapeller kapoor kapp kappel kapur
kar kara karaamat karadeniz karagic karam karamarko karambu karan karani karanja karels karge kargl
karhu karhunen kari karier karikari karimi karisa kariuki karjalainen karki karkkainen karklina
karklins karl karlberg karlovic karlsen karlsson karlstrom karmelic karner karnik karova karpe
karpov karppinen karrer karro karttunen karu karuga karul karulova karuri karuza karvinen karvonen
karwitha karz kas kasak kasam kase kasel kasemaa kasemets kaser kashif kashyap kasim kask kaspar
kasparova kasper kass kassim kassulke kasteelen kastelic kaster kastner kasyoka kata katana
kathagen kathambi kathure katic kato katona kattai kaucic kauffmann kaufman kaufmann kaul kaulina
kaulins kaupas kauppila kauppinen kaur kautzer kauzlaric kavaliauskas kavanagh kavasch kavaschova
kawira kay kaya kaysan kayser kazakov kazik kazikova kazlauskas kazungu keady kealey keally kealty
kealy keane keaney keany keapock kearney kearns keary keating keaveney keaveny kebaili kebir
keebler keeffe keegan keehan keelan keeley keeling keely keenaghan keenahan keenan keeney keer
keery keevers kehoe keightley keijser keijzer keinanen keitany keith kelder kelecic kelekovic
kelemen kelic kelleher keller kelley kellner kello kellova kelly kelo kelova keltenie kelvey kelvin
kemboi kemei kemmer kemp kempen kemppainen kendall kendi kendra kendrova keng kenga kenis keniz
kenizova kenlan kenlon kenna kenneally kennedy kennellan kennelly kenny kensy kent keogan keogh
keoghan keoghane keohan keohane keown keplinger ker keranen kerekes kerekovic kerger kerimli
kerimov kerimova kerimzade kerin kerins kerkhof kerkhofs kerley kerlin kerluke kermody kern kernan
kerney kerova kerr kerrigan kerrisk kerschbaum kerschbaumer kerschen kertzmann kerubo kerville
kerwick keskinen keskitalo keskula kessler ketel keter ketola ketting kettunen keudel kevane
keville kevin kevo key keya keyes keyser khaba khabalidaka khaemba khaldi khaled khalif khalil
khalsa khambule khamis khamisi khan khanna khanyeza khanyile khaphela khare khathi khathide
khathini khatri khawula khelif khelifa khelifi khelil kheswa khezokhulu khisa kholose khomo
khonjwayo khosini khosla khoza khuba khubisa khuboni khukhuza khulu khuluse khumalo khumbuza
khurana khuyameni khuzwayo khwane khwela kiama kiarie kibe kibet kibiwot kibiwott kiboi kibor kidd
kidney kieber kieffer kiehn kiely kiema kieran kierane kierans kiernan kigen kihara kihn kiik kiil
kiilu kiio kiiru kiis kiisk kijnder kikas kikkas kilawee kilback kilbane kilbride kilcoyne kilday
kildea kilduff kilfoyle kilgallen kilgallon kilhooly kilk kilkenny killeen killer killilea killooly
killoran killoughry kilmartin kilmore kilonzi kilonzo kilpelainen kilroe kilroy kim kimachu kimaiyo
kimani kimanthi kimanzi kimaru kimathi kimeli kimemia kimeu kimosop kimotho kimtai kimura kimutai
kinaghan kinahan kind kindle kinet king king'ori kingori kingston kiniry kink kinkela kinlan kinlen
kinnane kinnear kinnegan kinner kinnerk kinney kinnon kinnunen kinny kinoti kinsch kinsella kint
kintziger kinuthia kinya kinyanjui kinyua kiogora kioko kipchirchir kipchumba kipkemboi kipkemei
kipkemoi kipkirui kipkoech kipkogei kipkorir kipkosgei kipkurui kiplagat kiplangat kipleting
kiplimo kipngeno kipngetich kiprono kiprop kiprotich kipruto kipsang kiptanui kiptoo kiptui kiptum
kipyego kipyegon kiragu kiraly kirby kirchmair kirchner kirillov kirimi kirincic kirk kirke kirlin
kirpenstein kirs kirsch kirschner kirsipuu kirss kirui kirwa kirwan kis kisakurek kisel kisela
kiselova kisilu kiska kisman kiss kissane kisseljov kitheka kithinji kithome kiti kitonga kitprapa
kitsao kitson kittakun kituku kitumaini kitur kitzler kitzmann kiuru kivela kivi kivilo kivimae
kivimaki kivinen kiviniemi kivistik kivisto kivuva kjaer kjeldsen kjellberg klaarwater klaas
klammer klanac klapac klapacova klapka klapko klapkova klapp klaric klarin klashorst klasic klasson
klaus klausen klausner klavina klavins kleibrink kleijse klein klemencic klement klemm klemt klepac
klepacova klerks kleybrink kligl klijn klima klimacek klimacekova klimek klimekova klimko klimkova
klimkovic klimkovicova klimo klimov klimova kline kling klingelhofer klinger klingler klizan
klizanova klocker klocko kloiber klokoc klokocova klomp klopacka klopackova kloppert klotz klug
knapp knappe knaus kneafsey knecht kneip knez knezevic knezovic knight kniha knihova knockaert
knoers knoll knowles knox knudsen knuf knutsen knutsson ko kobal kobayashi kobelt kober koberl
kobia kobielska kobielsky koc kocak kocakova kocan kocerli kocevar koch kocher kocian kocianova
kocijancic kocis kocisova kocjancic kock kocka kocko kockova kocova kocsis kocur kocurik kocurikova
kocurova kodric koech koelpin koeman koenig koepp kof kofler koger kogler kogo kohl kohler kohli
kohn kohnen kohv koistinen koit koitla koiv koivisto koivula koivunen kok kokalj kokanovic kokk
kokko kokkonen kokol kokoric kolade kolar kolarec kolaric kolarova kolb kolbl kolega kolehmainen
kolen kolenc kolesar kolesarova kolesnik kolic kolk koll kollar kollarova koller kollmann kolm
kolnik kolnikova kolster komar komarov kombe kombo komen komljenovic komora komulainen konda kondo
kondratjev konecna konecny kong kongchayasukawut kongsri konig koning konings konopelski konopka
konopkova konovalov konrad konradova konsbruck konstantinov kont konttinen kooij kool koome koomson
koort kopa kopecka kopecky kopf kopjar koponen kopova kopp koppa koppel koppensteiner koppova
korcak korcakova korec korecova koren koret korhonen korichi korir korol koros korosec korpal
korpela korpi korsman korstman kort korte kortelainen kortman koruturk kos kosanovic koscevic
kosgei koshy kosi kosic kosir koskei koskela koski koskinen kosoko kosonen koss kossler kostanic
kostelac kosten koster kostin kostka kostkova kostolzin kostrec kostrecova kota kothari kotian
kotianova kotkas kotnik kotov kotulic kotulicova kouba koubova kouidri kovac kovacek kovacevic
kovacic kovacik kovacikova kovacova kovacs koval kovalcik kovalcikova kovalova kovanen kovar
kovarova koya koza kozacek kozacekova kozacik kozacikova kozak kozakova kozelj kozey kozlov kozma
kozmon kozmonova kozova krabbe krack kraft krainer krainz krajcar krajci krajcik krajciova krajcir
krajcirova krajco krajcova krajcovic krajcovicova krajicek krajicekova krajnc kral kralik kralikova
kralj kraljevic kraljic krall kralova kralovic kralovicova kramar kramaric kramarova kramberger
kramer krammer kranjc krantz kranz krasnohorska krasnohorsky krastina krastins kratochvil
kratochvilova kratzer kraus krause kraushaar krausova kraxner krcelic krebs krecke kreidl kreiger
krein kreiner krejcova kremer kremser krenn kreslina kreslins kresonja kreusel kreuzer kriegl
kriens krier krieva krievina krievins krievs kriisa kris krish krishna krishnamurthy krishnan
kristensen kristensson kristiansen kristiansson kristof kristoffersen kristoffersson kristofova
krittayanukoon krivec kriz krizan krizanova krizik krizikova krizova krogh kroker kroll krolov
kronberger kronenberg kronsteiner kroon krop kropilak kropilakova krotak krotakova krpan krsanac
krueger krug kruglov krumina krumins kruns krupa krupova kruschwitz kruze krzelj krznaric kshlerin
ku kuan kub kuba kubec kubecova kubek kubekova kubheka kubicek kubicekova kubicka kubicko kubickova
kubik kubikova kubko kubkova kubo kubova kucera kucerova kucic kudrjavtsev kuffa kuffova kugler
kuhar kuhic kuhl kuhlman kuhn kuhnert kuijc kuijpers kuilenburg kuiper kuipers kuisma kuit kujala
kujundzic kukkonen kukucka kulas kulikov kulkarni kulmala kumar kumer kumi kummer kumpulainen
kumsoontorn kumushova kuna kunac kunda kunde kundova kundu kundzina kundzins kunen kunene kung
kung'u kungu kuningas kunka kunkova kunova kunz kunze kuo kuosmanen kupa kuphal kupka kupko kupkova
kupova kupsjak kurg kurgat kuria kurian kurki kurm kurniawan kuronen kurtoic kuruc kurucova kurui
kuruvilla kurvits kurz kurzmann kus kusa kuscevic kusch kusen kusi kusiwaa kuska kuskova kusmawati
kusnir kusnirova kuso kusova kusumo kuswandari kuswoyo kutch kutsar kutt kuus kuuse kuusela kuusik
kuusisto kuusk kuvalis kuvezdic kuzmic kuzmin kuznetsov kvist kwaadland kwaakye kwaakyewaa kwamboka
kwartemaa kwarteng kwemoi kweyama kyalo kyei kyeiwaa kyerewaa kyllonen kyne kysel kysela kyselova
la laakkonen laakso laaksonen laan laane laanemets laar laarhoven laarse laas laats labadie labado
labas labbe labeeb labelle labhra labhradha labhru labinjan labonte laboy labra labrecque labuda
labudova laca lacasse lace lacey lachance lachapelle lachmann lachnain lachtnain lacis lacka
lackner lacko lackova laco lacombe lacova lacroix lacy lad ladavac ladeck ladhradha ladner laenen
laer laere laet lafferty laffey laffray laflamme lafleur lafontaine lagarde lagat lage lagerweij
laghmainn lagler lago lagos laguna lagzdina lagzdins lah lahaye lahey lahiah lahiffe lahmar laht
lahteenmaki lahti lahtinen lahy lai laib laideain laidhe laidhigh laidhin laidhleis laighin
laighnigh laiho lailasari lailligh lailliu laimer laimhbheartaigh laimhin laine laing lainn
laithbheartaigh laithimh laithmhe laitinen lajcak lajcakova lajciak lajciakova lajlaj lakatos
lakaza lakehal lakhal lakhdari lakin lakoseljac laks laksita laksmiwati lal lala laliberte lall
lalla lallaidh lallaigh lallemand lally lalonde lalor laloux lam lamac lamacova lamas lamb lambe
lambers lambert lamborghini lambot lambotte lambrecht lambrechts lambregt lamesch lamhain lamhna
lammas lammens lammer lammi lamont lamontagne lamore lamotte lamoureux lampert lampinen lampl
lamprecht lamri lamula lamy lan lanagain lancaster lancisi landa lande landeghem landen landers
landin landl landon-lane landry landstrom landy lane lanfranchi lang langa langan langat lange
langeni langer langern langevoort langlois langosh langworth lanigan lanka lankinen lankle lanners
lansink lantz lanz laochdha laodhog laoghaire laoghog laoi laoidh laoidhe laoidhigh laoingsigh
laoithe laon laouar lapain lapierre laplante lapointe laporte lappalainen lappin lapsa lara larbi
larcain larcher lardinois lardner largan largey laribi lariviere larkin laroche larocque larose
larouche larranaga larrea larsen larson larsson las lasa lasaidhe lasic lass lassen lassila lassnig
lastra laszlo lata lathaigh lathrope latier latif latour latreche latt lattuada latupono latvala
laukkanen launay laur laureano laurenson laurent laureys lauri lauridsen laurila lauritsen laursen
lauwers lauzon lavallee lavan lavell lavelle laverty lavery lavigne lavin lavoie lavric law lawal
lawless lawlor lawrence lawson laylova layth lazar lazcano lazizov lazo lazuardi le leach leacy
leadus leagha leahy leal leallaigh leamhna leanachain leannain leannon leao learmonth leary
leathaigh leathlobhair leavey leban lebar lebeau lebedev lebel leber leblanc lebon lebreton lebron
lebrun lebsack lechner leclerc leclercq lecocq lecomte leconte lecoq leddin leddon leddy lede
ledent lederer ledesma ledner ledoux leduc ledwich ledwith lee leeb leech leek leemans leemput leen
leene leeney lees leeuw leeuwen lefebvre lefevre leffler lefort legault legendre leger legnante
legovic legrain legrand legros leguit lehane lehikoinen lehiste lehmann lehner leht lehtimaki
lehtinen lehtla lehtmets lehto lehtola lehtonen lei leibetseder leidhin leidhinn leighin leighinn
leineachain leino leinonen leis leite leitgeb leith leithner leitner leiva lejeune leland lelas
lelei leleu leleux lelievre lelijveld leloup lemaire lemaitre lemay lemayian lembede lember lemieux
lemire lemke lemmens lemmer lemoine lemonnier lempereur lemus lenaerts lenaghan leneghan lenehan
lengauer lengyel lenic lenihan lennane lennartsson lennon lenoir lensen lentz lenz leoid leon
leonard leonardi leoncavallo leone leonetti leonhartsberger leopardi leopold lepage lepik lepisto
lepp leppanen leppik lepsik lepsikova lercari lerch lercher lerma lerner leroux leroy
lertsattayanusak leruth lesage lesch lescic lesic lesjak leskinen leskovar leskovic leslie lesna
lesnik lesny lessard lestari lester letelier letellier lether letifxanli leto letourneau letova
letta lettiere lettner leu leunberger leuschke leutgeb leuven levan leveque levesque levin levine
levy lewa lewis ley leyden leydon leys leysen leyton leyva lheureux lhoir li liadhain liagha
liaghain liain liam liang liao liathaigh liathain liber libert liblik lice lichtenegger licis licul
liddane liddy lideadha liden lidstrom lie liebelt liegeois liekens lien lienard liendert liepa
liepina liepins lier lierde lieshout lievens lighe ligorio ligtvoet liguori liimatainen liiv liiva
liivak liivamagi lijn likar lilja liljegren lill lillemets lillis lillo lima limazah limbourg
limburg limo limon lin linares lincoln lind lindahl lindau lindberg lindblad lindblom linde lindell
linden linder lindfors lindgren lindh lindholm lindinger lindkvist lindmark lindner lindorfer
lindquist lindqvist lindroos lindsay lindsey lindskog lindstrom lindvall linehan ling link linke
linna linnane linny linschoten linskey linster lintner linton liodain lionachain lionnain liostun
liovic lipa lipka lipko lipkova lipova lipp lippens lippomano lipponen lips liptak liptakova lira
lisica lisicka lisicky liska liskova list liston lithe littel littizzetto little litva litvova liu
liukkonen liverotti livingston liyaaqat liyaqat lizama lizana ljubetic ljubic ljubicic ljung
ljungberg ljunggren ljungqvist llabres llado llamas llano llanos lledo llobet llopis llorens
llorente lloret lloyd lluch lo loaiza lobato lobo lobos lochain lochel lochlainn lochlann lochnain
lochrain lochtnain lockman loep loera lof loffler lofgren loftus logain logan logar loghan loginov
logue lohmus loibhead loibl loideain loididh loidl loineachain loingscigh loingse loingseachain
loingsigh loinn loinne loinnigh loinnsge loinnsgigh loirgneain loiseau loj loja lojek lojekova
lojen lojka lojko lojkova lojova loke lokk lollobrigida lombard lombardi lombardo lombroso lomeli
lomgaigh lommert lomp lonagain lonain lonargain londain london londono londra lonen lonergan long
longaigh longain longan longhena longode longoria lonn lonnain lonndra lonndraigh lonndun lonnradh
loo loock loon looney loorits loos looveren looy lopes lopez lopresti lorang lorca lorcain lorch
lord lordain lordan loreal loredan lorencin lorent lorenz lorenzo lorreijn losa losada
losatapornpipit losekann loucif loughlin loughnane loughran loughrey loughry louis lounis loureiro
lourenco louws lovato love lovett lovgren lovric low lowe lower lowery lowney lowry loya loyal
loyola lozada lozano lu luachra luag luain luaire luaithrinn luanaigh luasa luasaigh luay lubelo
lubhaing lubhog lubina lubinova luboch lubowitz lubs luc lucarelli lucas lucchesi lucciano lucel
lucena lucero lucey luciani lucic lucid lucio lucitt luddy ludhog ludonga ludovisi ludwig lueilwitz
luengo luettgen luevano luger lughadha lughbhadha lugo luht luibhead luik luin luineachain
luinenburg luing luinigh luis luisead luitgardis lujan lukac lukacova lukacs lukhele lukic lukin
lukinic lukk luksa luksic luksova lukstina lukstins lumbasi lumbreras lumi lumiste lumumba luna
lunaigh lunam lund lundberg lundblad lunde lundell lundgren lundh lundholm lundin lundkvist
lundmark lundon lundquist lundqvist lundra lundstrom lung lunham lunney lunny luo luog luoma lupain
lupo luptak luptakova luqe luqmaan luqman luque lurgain luria luscher luse lusis lussier lussu
lustenberger luster lut lutf lutgen luthi lutholoni luthra luthuli luts luttenberger lutterveld
lutz luukkonen luvuno lux luxardo luxemburg luyckx luyssel luyten luz luzi lwandle lyden lydon
lynch lynchechaun lynchehaun lyne lyng lynn lynskey lyon lyons lysaght ma maalik maalim maaren maas
maasgouw maasik maaswinkel maath maatta maawiya mabanga mabaso mabhena mabhodla mabhoko mabika
mabizela mabuya mabuyakhulu mabuza mac maca macadoo macaleavy macallen macaloon macan macanally
macart macarthur macasa macauley macbreen macbride maccaffrey maccanelli maccann maccartan
maccarthy maccarville macclenaghan maccole maccomisky macconachy macconnaghy maccool maccormack
maccrohan maccurtin macdermott macdevitt macdonagh macdonald macdonnell macdougall macdowell
macdwyer macdyer mace macedo macegan macejkovic macek macekova macelgunn macesic macever macevoy
macfadden macfall macfaull macgee macgeehan macgill macgilligan macging macginley macginnitty
macginnity macginty macgloin macglynn macgovern macgreal macgroarty macguinness macgurk mach
machacek machacekova machackova machado machain machale macharia machata machatova machenry macher
machnac machnacova macho machova machuca machugh macias macik macikova macinerney macingwane
macinnes mack macka mackay macken mackenna mackenzie mackeown mackesey mackevitt mackey mackle
macko mackova mackovic mackovicova maclean maclysaght macmahon macmillan macmonagle macmorrow
macmullan macmullen macnabb macnaboe macnaboola macnally macnamara macnamee macneela macneill
macnelis macnulty maco macova macpherson macphilbin macrea macshea macsweeney mactiernan macveagh
macveigh macwilliams mad madadhain madagain madaidh madaidhe madaidhin madain madan madani madaoin
madar madara madariaga madaric madaricova madarova madden maddock maddox maddy made madej madejova
madela mader madera maderna maderno madhubuti madi madiba madide madigan madinaeva madinane
madisson madiyan madlala madlanduna madlula madondo madonsela madrid madrigal madsen madu maduma
maduna madunic madziba mae maeda maenpaa maeots maertens maes maesalu maestas maestre maeyer maffei
mafobo maftunova mafuleka mafulela magagula magain magal magalhaes magalova magan magana magann
magar magauran mageba magee mageean magennis magennity mageto maggio maggioli maghanga maghnuis
magi magic magill maginn maglio magnani magnusson magolwana magombo magononde magoza magrassi
magrath magubane maguidhir maguire magujwa magutshwa magwaza magyar mahajan mahal mahamba mahamed
mahamud maharaj mahat mahaye mahbeer mahbub mahdiev mahe mahedy maheen mahendra maher maheswara
mahfuj mahfuz mahi mahieu mahlaba mahlalela mahlangu mahlase mahlinza mahlobo mahmood mahmoud
mahmoudi mahmudov mahmudova mahnet mahon mahoney mahony mahulube mahy mai maia maicin maidana
maidin maidla maier maierhofer maillard maille maillet maillot maina mainchin maine maingi maingin
mainichin mainin mainnin mair maire mairhofer mairtin maitha maithnin maithya maitiu maiyo majcen
majd majdan majdanova majdenic majeed majerus majeska majesky majewski majoka majola major majorana
majozi majstorovic majumdar mak makarov makau makela makena makhanya makhathini makhaye makhaza
makhedama makhlouf makhloufi makhoba makhubo makhulukhulu makhunga maki makinde makinen makinwa
makkonen mako makokha makori makova makovac makovec makovecova makovica makovicka makovicky makovy
maksimov makulu makungu mala malacarne malachovska malachovsky malakova malambule malaparte
malatesta malave maldonado malek malembe malenchini maletic malevu malfait malherbe malhotra
malikova malina malinen malinga malinova malipiero malisek malisekova malki mall mallet malley
mallick mallien mallon malm malmberg malmgren malmqvist malmstrom malnar malo maloba maloca maloid
malone maloney malosev malowney malpighi malsen maltais maluki maluleka maly malzer mamani mamba
mambo mamic mammen mamo mamojka mamojkova mamula man manachain manacorda manahan manana mancebo
mancilla mancini manco mand manda mandal mandala mandasari mandel mander manderscheid mandl mandla
mane mangal mangale mangan mangat mangcamane mangede mangel mangen mangena mangethe mangold
mangunsong mani manjon manley mann mannan manne mannik manninen manning mannion manniste mannisto
mannix mannoia manntain manole manolesso manqele manrique manriquez mans mansa mansell mansfield
mansilla mansiz manso manson mansour mansouri mansson mansur mansveld mansvelt mantain mante
mantegazza mantegna mantilla mantshinga mantyla manuel manullang manunta manyoni manzanares manzano
manzezulu manzi manzini manzoni mao maoil maoilceir maoilcheir maoilcheire maoilchiarain maoildhia
maoileachain maoileadaigh maoileagain maoileain maoileala maoileanaigh maoilearca maoileide
maoileoghain maoileoin maoilfheabhail maoilia maoiliadh maoiligeain maoilin maoilmhiadhaigh
maoilmhichil maoilmhin maoilriain maoilshearcaigh maoineachain maoinigh maoir maol maolagain
maolain maolalaidh maolalaigh maolalla maolallaidh maolallaigh maolchaoine maolchatha maolchathaigh
maolchraoibhe maoldhomhnaigh maoldomhnaigh maolduin maolfhabhail maolfhabhaill maolfhachtna
maolghuala maolmhochoirghe maolmhuaidh maolmhudhog maolmhuire maolmuaidh maolriaghain maolriain
maolruaidh maolruaidhe maolruana maolruanai maolruanaigh maoltuile maonagail maonaigh maongail
maonghaile maothagain maouche maphalala maphanga maphindela maphisa mapholoba maphumulo maquet mara
marambio maranain maranga marangoni maras marasovic marazzi marbun marcacci marcachain marcaigh
marceron marchal marchand marchant marcin marcinek marcinekova marcinko marcinkova marcinova marco
marconi marcos marcotte marcoux mardesic mardhiyah mardones marduras mare marec marecek marecekova
marechal marek marekova marenzio mares maresova maretic marfell margita margitova margraf
margreiter mari marian marianova maric maricevic marie marien marijanovic marin marinetti maringer
marini marinkovic marino marinovic marion maripuu maris mariscal maritim marjanovic marjonova mark
markanjevic markey markham markkanen markl marklund marko markos markosova markova markovac
markovic markovicova marks markus markusova marley marlier marmol marnach marnain marnan maroa
marolt maroof maros marosova marpaung marquardt marques marquet marquez marren marrero marrinan
marron marrone marroquin marry marsden marsh marshall marsic marsili marta martain martan martanova
marte martel martens martensson marti martic martikainen martin martinak martinakova martincek
martincekova martincevic martineau martinec martinecova martinek martinekova martinelli martinez
martinic martinka martinko martinkova martinkovic martinkovicova martinova martinovic martinovicova
martins martinsen martinson martinsson marton martorell martova marttila marttinen martucci marty
martyn marusic marvin marwa marx marxer mary maryadi maryamova maryati marzic marzorati mas masai
masango masar masarik masarikova masarova masaryk masarykova mascagni mascarenas mascaro mascheroni
masek maseko masese masha mashaba mashasha mashimane mashinini mashiya masibekela masika masikane
masila masilela masina masinde masinga maskova maslo maslov maslova masna masny mason masondo
maspero massa massart masse masseron masset massey massin masson mast mastandrea master masterson
mastroianni masuku mata matagne matahlija matamala matana matano matara matas mate matejka
matejkova matelot mateo mateos mater materne matesa mateu mathaba mathebela mathebula matheka
mathenge mathenjwa matheson mathetha mathews mathghamhna mathias mathiasen mathibela mathiesen
mathieu mathis mathisen mathol mathonsi mathot mathula mathuna mathunjwa mathurin mathwasa mathy
mati matias matiasko matiaskova matic matijas matijevic matikainen matilainen matile matinawin
matko matkovic matokanovic maton matos matosevic matousek matouskova matovina matsuda matsumoto
matt mattarella matteotti matthai matthews matthijs matthys mattila mattsson matulic matulin
maturana matus matvejev maughan maulana maundu maureira maurer maurery maureryova maurice maury
mauti mavela mavra mavric mavundla mavuso mawanda maweu mawewe mawia mawira maxwell may maya mayaka
mayasari maye mayer mayerhofer mayert mayeza mayise mayisela maynard mayo mayol mayor mayoral
mayorga mayr mayrhofer mays maza mazalankosi mazibuko mazilescu maziya mazouz mazouzi mazwi
mazzacurati mazzanti mazzeo mazzi mazzini mazzocchi mbaabu mbae mbaka mbamali mbanjwa mbatha
mbatshazwa mbeje mbekwa mbembe mbende mbhele mbhense mbhobho mbhodwe mbhulangwe mbili mbithe mbithi
mbiti mbogo mbokazi mboko mbonambi mbonane mbongwa mbongwe mbotho mboya mboyisa mbriartaigh mbugua
mbui mbula mbulaze mbulazi mbuli mbungela mbunjwa mburu mbuthia mbutho mbuvi mbuyazi mbuyisa
mbuyise mcadams mcaleavy mcaleenan mcaleer mcalinney mcalister mcaloon mcalunny mcambe mcambi
mcanally mcanco mcandrew mcanulty mcanyana mcardle mcareavey mcatee mcateer mcauley mcauliffe
mcaveigh mcbreen mcbride mcbrien mccabe mccadam mccadden mccafferky mccafferty mccaffrey mccaffry
mccahill mccall mccallion mccallum mccann mccardle mccarney mccarra mccarron mccartan mccarte
mccarthy mccarty mccarville mccaughan mccaughey mccaul mccauley mccausland mccay mcclain mcclean
mcclelland mccloskey mcclure mccluskey mccolgan mccoll mccollam mccomiskey mcconaghey mcconaghy
mcconnell mcconnon mccooey mccool mccorkill mccorley mccormick mccorry mccourt mccoy mccracken
mccrann mccrea mccready mccreanor mccrory mccrossan mccrudden mccullagh mccullough mccumiskey
mccumisky mccurdy mccurley mccurtin mccusker mcdade mcdaeid mcdaid mcdaniel mcdermod mcdermott
mcdevitt mcdonagh mcdonald mcdougald mcdowall mcdowell mcdunphy mcdwyer mcdyer mcelduff mcelgunn
mcelhattin mcellistrim mcelnay mcelnea mcelroe mcelroy mcelwaine mcelwee mcenaney mceneaney mcenry
mcentaggart mcentee mcevaddy mcevilly mcevoy mcewen mcfadden mcfall mcfarland mcfarlane mcfaull
mcgahey mcgalligly mcgann mcgarraghy mcgarrigle mcgarry mcgarvey mcgauran mcgaw mcgeady mcgee
mcgeehan mcgeoghegan mcgeown mcgerr mcgettigan mcgettrick mcgill mcgillicuddy mcgilligan mcgilly
mcgilroy mcginley mcginnitty mcginty mcgirl mcgirr mcgivern mcglinchey mcglinchy mcgloin mcglynn
mcgoff mcgoldrick mcgonagle mcgough mcgourty mcgovern mcgowan mcgowern mcgrane mcgrath mcgreal
mcgregor mcgrenehan mcgroarty mcgrory mcgruddie mcgruddy mcguigan mcguill mcguinn mcguinness
mcguire mcguirk mcguirl mcgurk mchale mcharry mchenry mchugh mchunu mcildownie mcilroe mcilroy
mcilwee mcineely mcinerney mcinnes mcintosh mcintyre mcisaac mcivor mckaigue mckay mckee mckeegan
mckeever mckelvey mckendry mckeniry mckenna mckenny mckenzie mckeogh mckeon mckeown mckernon
mckevitt mckie mckiernan mckillop mcking mckinley mckinney mckinnon mcknight mclachlan mclaughlin
mclaverty mclean mcleer mcleese mcleigh mcleod mcloon mcloone mcloughlin mcmacken mcmahon mcmanaway
mcmanus mcmaster mcmenamin mcmillan mcmonagle mcmorrow mcmullen mcmurray mcmurrough mcnabb mcnaboe
mcnally mcnamara mcnamee mcnaughton mcnea mcnealy mcnee mcneely mcneil mcneill mcnelis mcnevin
mcnicholas mcnicholl mcnill mcnulty mcoyi mcpartland mcpartlin mcpartlon mcpherson mcphilbin
mcphillips mcpolin mcquade mcquaid mcqueen mcquilkan mcquillan mcquillen mcquin mcquinn mcrann
mcready mcroarty mcrory mcshane mcsharry mcsheehy mcteague mcternan mctiernan mctigue mcusi mcveagh
mcveigh mcvicker mcvitty mcwalter mcwaye mdaka mdakane mdladla mdlalose mdlanyoka mdlenevu mdletshe
mdluli mdlumbi mdonswa mdotshana mdunge meachair meadhra meadhrai meadog meadows meads meaghan
meagher mealaid meallain mealoid mealoide meaney meanman meany meara mearai mearaidh mearain
meardha mearlaigh mears mebarki mecheri meciar meciarova mecnunbeyov medac meddah medel medhurst
medic medici medina medjahed medrano medvecka medvecky medved medvedev medvedova mee meehan
meenaghan meenan meer meeres meersman meert mees meester meeus meeusen meftah megantara megaw
meherremli meherremoglu meherremzade mehigan mehloluhlaza mehrimohova mehrojov mei meic meidhir
meidhreach meier meijer meili meindl meirligh meirnigh meis meisch meiscill meister meitheagain
meixner mejia mejias melady melander melani melchior meldon melendez melero melet melgar meli melia
melican melichar melicharek melicharekova melicharova melicher melichercik melichercikova
melicherik melicherikova melicherova melikzade melin melis mella mellado mellet mellon mellor
melnik melo melody melton melville melvin memela memmedli memmedquluzade memmedxanli memmedzade
memon mena menard menchaca mende mendes mendez mendizabal mendonca mendoza menendez meneses meng
mengolo mennea menon mens mensa mensah mensik mensikova menthonnex menton mentzel menza menziwa
merabet merah meraz mercadante mercader mercado mercalli mercantini mercati mercer merchant mercier
mercks merckx meredith mergen merila merilainen merino merisi merkas merkx merle mernagh merrigan
merritt merry mersch mertens mertz merz merzoug merzougui mesa mesaric mesbah mescall mesic meskill
messaoudi messina messner mestdagh meszaros metcalfe metella methavorakul mets mettler metz metzler
meucci meulen meunier meurant meurisse meusburger mey meyer meyers meyiwa meza mezei meziane
meziani mezzetta mfeka mfusi mgabadeli mgabhi mgasela mgazi mgcaleka mgenge mgilija mgobhozi mgwaba
mhadaidh mhairtin mhaistir mhaoil mhaoir mhartain mhayise mheana mhileadha mhilidh mhlabandlovu
mhlambo mhlanga mhlangu mhlanya mhlongo mhlongwane mhlophe mhlungu mhoir mhuircheartaigh mhuire
mhuiris miadha miadhachain miadhaigh miah mianaigh mianain micca micetic michael michalech
michalechova michalek michalekova michalica michalicova michalik michalikova michalka michalko
michalkova michaud michaux michel michelangeli micheletti michels michelson micheni michiels
michielsen middelkoop middlemiss middleton midhe midhia mielcarek mies miettinen migliaccio mignon
miguel migwi mihalic mihalik mihalikova mihaljevic mihelcic mihelic mihhailov mihic mihoubi
mijsberg mikic mikk mikkelsen mikkola mikkonen miklavcic miklecic miklik miklikova miklos miklosko
mikloskova miklosova mikulak mikulakova mikulandra mikulcic mikulec mikulik mikulikova mikus
mikusova mil milanesi milanova milas milatic mileada mileadha miles miletic milevoj miley milicic
milina milla millan millar millard millea milleadha miller millet millican milligan mills milmo
milne miloslavic milota milotic milotova miloudi milovac milroy miltenburg mimica mimouni mimun
minac minacova minayo miner minet minguez minhas miniati minihan minihane minne minogue miochain
miocic miodhachain miodhchain mionachain mionain mir miralles miramontes miranda miranov mirehmedov
mirelemov mireles miriti miro mironov mironshohov mirosavljevic mirt misak miscell mise mishra
misicher misik misiko misikova miskell miskovic mispelen misra missoni misteal mistrik mistrikova
mistry mital mitchell mitei mitra mitschke mitt mittal mitter mitteregger mitterer mitterlehner
mittermayr miura miya mjadu mjoli mjwara mkhabela mkhandlela mkhathini mkhatshwa mkhithi mkhize
mkhokeleleki mkholo mkhonza mkhumbuzi mkhungo mkhwananzi mlaba mlakar mlalane mlalazi mlambo
mlangatshe mlangeni mlawula mlinar mlinaric mlondo mlotshwa mlungisi mlungwana mlynar mlynarik
mlynarikova mlynarova mmboga mmbone mnangat mnangwe mncube mncwabe mncwanga mngadi mngoma
mngomezulu mnguni mngwemkhulu mngwengwe mnikathi mnisi mnomiya mnqamu mnqayi mnquhe mntambo
mntimande mntungwa mnyamande mnyandu mnyoni mo moan moberg mocanu moccia mocenigo mochain
mochlichen mochoirghe mochoraigh mocibob modhrain modi modiano modig modigliani modric modugno mody
moe moen moenen moens moensendijk moerman moes moet mofardin moffatt moffit mogain mogaka mogeni
mogensen mogere mogherini moghrain mogire mohamed mohammad mohammadi mohammed mohammedi mohamud
mohan mohanty mohaupt moher mohinurova mohlaroyimova mohr moidhe moilanen moineal moiniol moirin
moisio moithide mojica mojzis mojzisova mokadem mokaya mokhtari mokrane mokrani mokros mokrosova
mokua mol molano molder molegraaf molen molenaar moles molesini molin molina moliner molins molitor
moll moller molloy molnar moloney molraoghain molyneux momanyi momberg monachain monaco monaghan
monagle monahan moncada mondaca mondadori mondaini mondise mondragon monduzzi moneta monfort
mong'are mongain mongan mongare monghaile monicelli monk monks monnard monnet monney monnier
mononen monreal monroe monroy monsalve montague montalban montalcini montalti montalvo montana
montanari montanariello montandon montanelli montanez montano monte montecchi montecino montecinos
monteiro montemayor montenegro montero montes montesano montesinos montessori monteverdi montez
montgomery monti montoya montserrat moody mook moon moone moonen mooney moons moor moore moors
moosbrugger mora moraa morabito morachain moraes moraga morahan morain morais moraleda morales
moran morand morandi morandini morante morar morara morard morata moravcik moravcikova moravcova
moravec moravecova morawo morcillo mordha more moreau moreels moreira morel morell morellato moreno
morera mores moresi moretti morgagni morgan mori moriarty moric moricova morillo morin morissette
moritz morlacchi morley mornane moroney morosini morova moroz morpurgo morricone morrin morris
morrison morrissey morrocco morrow morse morsli mortati mortensen morth mortier mortimer morton
morucci morvan moscarda moschino mosciski mose mosemann moser moses moseti moslavac mosley mosquera
moss mostefaoui mota motha mothain mothair motte mottet mottiez mottus moturi motycka motyckova
motyka motykova mou moulay moulin mountain moura moureau mourib mousel moussa moussaoui mouton moy
moya moyano moyer moylan moynihan mozart mpangazitha mpanza mphahlwa mphankomo mphazima mphemba
mphephethwa mpikela mpila mpofana mpumuza mpungose mpunzana mqadi mqungebe mrak mraoiligh mraovic
mraz mrazek mrazekova mrazik mrazikova mrazka mrazko mrazkova mrazova mriosain msamkhulu msane
msani mseleku mshazi mshengu mshibe mshikela mshikila mshiyane msibi msimang msindazwe msokazi
msomi msuthu msuya msweli mthabela mthalane mthanti mthembu mthethwa mthimkhulu mthinti mthiya
mthiyane mthombeni mthonti mtimande mtolo mtshali mtumaseli mtuswa mu muadaigh muange muarain
muasya mubinova mucha muchai muchangi muchemi mucheru muchira muchiri muchoki muchova muchui mudden
mude mudgway mudri mudronja mueller muema muendo mueni muga mugabhain mugain mugambi muganli
mugendi mugica mugo mugure muhammadaliyev muhammadaminov muhammadamirov muhammadayubov
muhammadazizov muhammadov muhammadrizoyev muhammadsafoev muhammadsodiqov muhammadsolihov
muhammadumarov muhammadyasinov muhammadyusupov muhammadziyoev muhia muhlbacher muhlberger muhlbock
muhle muhonen muhonja muhoro muhovic muhr muhsinova muhumed muia muichille muigai muighe muijs
muilcin muilleagain muilleoir muilligh muimhneachain muimhnigh muimi muinde muindi muineachain
muineog muinghile muinilligh muinneachain muinnile muir muircheartaigh muireadhaigh muireagain
muireain muirean muireann muirgeain muirgheasa muirgheasain muirighthe muiris muirithe muirneachain
muirthile muirthin muiruri muizzova mukami mukherjee mukhopadhyay mukhwana mukiri mukoya muktar
mukundi mulain mulcahy mulcair mulder mulders muldoon muldowney mule mulei mulet mulgrave mulgrew
mulhare mulhern muli mulichen mulinge mulkerrin mullaghan mullain mullala mullaly mullan mullane
mullaney mullany mullarkey mullen muller mullerova mullery mulligan mullin mullins mullner mullooly
mullooney mulloughney mulloy mulongo mulqueen mulqueeny mulrain mulrooney mulroy mulry mulryan
mulvany mulvenna mulvey mulvihill mulvin mulvy mulwa mulyani mumba mumbe mumbi mumbua mumo
mumtozova munari mundia munene munga mungai munguia munguti muni munisayeva muniz munnelly munoz
munro munroe munshi munster munyao munyi munyiva munyoki munyua munywoki muoki mur murachain
murachu murae murage muraguri murakami murangiri muraoile muratori muratovic muraya murazik
murchadha murchaidhe murchain murchu murcia murdoch mureithi murgas murgasova murghaile murialdo
murigi muriithi murillo murimi murin murinova muriset murithi muriuki muriungi murk murnain murnane
murnin muro murodov murphy murraigh murray murri murrihy mursalinaeva murtagh murthuile murthy
murty muru murugi murunga murungi murvetqizi musa musabeyov musabeyova musatti musau musaxanli
musazade muscet musee musembi musfirayeva mushtariyeva musi musil musila musili musilova musimbi
muslimaeva muslimov must mustac mustafa mustafayev mustapha mustapic mustofa mustonen musumba
musungu musy musya musyimi musyoka musyoki mutahi mutai mutanu mutegi mutembei mutemi mutethia
muteti muthama muthami muthee muthengi mutheu muthiani muthike muthini muthoka muthomi muthoni
muthui muthuri muti mutia mutie mutinda mutindi mutio mutiso mutisya mutti mutua mutugi mutuku
mutuma mutune mutunga mutungi muturi mutwiri muuo muur muursepp muxlisayeva muxtaroglu muya muynck
muzayyanova muzdalifayeva muzic muzina mvelase mveni mvubu mvuyana mwadime mwai mwaka mwakio
mwalimu mwamburi mwandla mwangangi mwangi mwania mwaniki mwanza mwanzia mwathi mwaura mwelase mwema
mwenda mwende mwendia mwendwa mwero mwihaki mwikali mwinyi mwinzi mwirigi mwita mwiti mwololo
mwongela mwongeli mydlo mydlova myeni myers myeza myhre myklebust myles myllymaki mzila mzilankatha
mzileni mzimela mzizi mzobe mzolo mzomba mzoneli mzukase mzulwini mzungu na naail nababan nabeel
nabih nabwire naccari nacer nacinovic nadal nadeau nadeem nader nadhraigh nadi nadig nadkarni naeem
naess naessens naf nafula nafuna nagar nagarajan nagel nagele nagi nagioglu nagl nagle nagy nagys
naibei naidu naik nail naili nailin nainggolan nair nais najam najeeb najera najmudin nakagawa
nakajima nakamura nakhumicha nakic nala nalepka nalepkova naliaka nallon nally nalty namaga nanda
nandisa nandwa nangle nanjala naoidheanain naomh naomi napitupulu napolitano naradhaigh naraigh
narain narang naranjo narasimhan narayan narayanan narpati narula narusis narvaez nary nasambu
nascher nascimento naser naserian nash nashiruddin nasimiyu naslund nasri nasyiah nasyidah
natarajan nath natsir natt natta naughton naujokas naumov nauseda nava navara navarova navarrete
navarria navarro navas navez navone navratil navratilova nayak nayar naylor nazareth nazari nazario
nazarov ncala ncama ncanana ncongwane ncube ncusi ncwaba ncwane ndaba ndabandaba ndabansele ndabase
ndabezitha ndambuki ndandali ndanu ndawo ndawonde ndege ndegwa nderitu ndichu ndiema ndima ndimande
ndinda ndinisa ndirangu ndiritu ndiwa ndiyema ndlala ndlandla ndlangamandla ndlanya ndlanzi ndlela
ndlondlo ndlovu ndolo ndondakusuka ndonga ndoro ndosi nduati nduku nduli ndunda ndung'u ndunge
ndungu nduta ndwandwe ndwiga nea neabhail neacail neachtain neal nealon neancol nearaigh neary
nebibeyli nebioglu nebiqizi nebot necci nederlotharingen nedermeijer nedic nedjar nee needham
neehan neelan neelin neenan neerachapong negele negrete negron neilan neilian neill neilson neira
neirynck nek nekesa neligan nelima nelis nelissen nelson nemcova nemec nemecek nemeckova nemes
nemeth nene nenzi nerger nerimanov nerimanova nes nesibova nesirli nestor neto nette neu neubacher
neubauer neugebauer neuhauser neuhold neulinger neumann neumayer neumayr neumeister neumuller
neuner neureiter neureuther neuschafer neustrie neuteboom neuville neuwirth neuzerling nevado
nevala nevalainen nevarez neve neven neves neveu neville nevin newman newton ney neyens neylon
nezerli nezirli nezirova ng'ang'a ngala nganga ngao ngari ngaruiya ngatia ngazitha ngcamane ngcamu
ngcemu ngcobo ngcolosi ngeard ngei ngema ngeno ngetich ngiba ngidi ngige ngigi ngina ngobese
ngobisi ngomane ngome ngonini ngotho ngotsha ngubane ngubeni ngugi ngui ngumbao ngungunyana
ngunjiri ngure nguyen ngwane ngwazi ngwekazi ngwenya nhlabathi nhlane nhlanhla nhlanhlampofu
nhlapho nhleko nhlengethwa ni nia niadh niaidh niallagain niallain niallghais niallghuis nianain
niathain nibali nicaise nicholas nicholls nichols nicholson nickels nicol nicolas nicolau nicolay
nicoletti nicolini nicolucci niederl nieh nielsen niemeier niemela niemi nieminen nienow niermann
nieto nieuwenhuijsen nieuwstraten nieves nievo nigam nigg niggli nihoe niiranen niit nijman nijs
nikiforov nikitin niklasson nikolaev nikolaus nikolic nikula niland nilles nilsen nilsson
nilufarova nimac nimwegen ninalowo nino niocail nioclais nipp niquille niscoromni nisevic nishimura
niskanen nissen nissinen nistor nita nitra nitrova nitti nitto nitzsche niu nixon nizet nizetic
niznanska niznansky njagi njambi njapha njau njenga njeri njeru njihia njiki njinji njiru njogu
njoka njoki njoku njomane njoroge njue njuguna njuki nkabinde nkala nkamzwayo nkansa nkansah nkatha
nkirote nkomo nkomose nkomoye nkonyeni nkosi nkrumah nkumane nkundlande nkwakha nkwali
nkwaliyenkosi nkwanyana nnamani noack nobauer noble nodanga nodlomo noel nogantshi nogla nogueira
noguera nogues nohlmans nolan nolcini nollee nolty nombela nombhoco nomm nomme nommik nomndayi
nomvuma nondaba nondlela nonduma nongalaza nongalo nonis nonkosi nonkululeko nontanda nontuli
nonyana noonan noone noor noordeloos noordijk noordmark noort noot norac noraidh norambuena norberg
norbiato nord nordberg nordgren nordin nordio nordlander nordlund nordqvist nordstrom noren
norgaard norgren nori noriega norlin norling norman normand norramon norris norrman norry north
northeim norton nosbusch nosiglia nota notarbartolo notova nouar noui nouri nousiainen novaes
novais novak novakova novaro novikov novitasari novoa novosel novota novotna novotny nowak nowanqa
nozimova nozulu nqumela nsele nsia nsibande nsibanyoni nsindane nsukuza ntaka ntamonde ntanzi
ntenga nthenya nthiga nti ntiamoa ntim ntinyari ntombela ntsele ntshalintshali ntshangase
ntshingila ntshiza ntuli nuadhain nuadhan nuallain nuanain nuffel nugent nugnes nugroho nuin nulty
nunain nunes nunez nunne nur nuraini nurdiyanti nureli nuriyeva nurk nurm nurmi nurminen
nurmuhammadov nus nussbaumer nussle nusslin nuut nuutinen nuwenhijsen nuwenhuijzen nuwenhuse
nuwenhuysen nuyts nwachukwu nwosu nxamalala nxasana nxele nxumalo nyaako nyaakoaa nyaboke nyabuti
nyabuto nyaga nyagaka nyaguthii nyakio nyakundi nyale nyamai nyamawi nyambane nyambose nyambu
nyambura nyame nyamu nyamweya nyanchama nyanda nyandeni nyang'au nyangaresi nyangau nyangweso
nyantakyi nyathi nyawa nyawira nyawo nyawokhulu nyawose nyazitla nyberg nyembe nyembezi
nyeuwenhuysen nygard nygren nyhan nyide nykanen nylander nylen nylund nyman nyoike nyokabi
nyokayebululu nyongesa nyongwana nys nyssen nystrom nzai nzama nzamela nzau nzilani nzima nzimande
nzimase nzioka nzioki nzisa nzomo nzuki nzuza o'beirn o'beirne o'boyle o'brassil o'brazil o'brennan
o'brien o'brown o'bryan o'bryen o'byrne o'cadden o'cafferky o'callaghan o'carolan o'carroll o'casey
o'cassidy o'cleary o'clery o'connell o'conner o'connor o'crohan o'crowley o'curry o'daly o'dea
o'devanney o'devenny o'doherty o'donnell o'donoghue o'donohoe o'donovan o'dowd o'driscoll o'duffy
o'dwyer o'farrell o'farrelly o'flaherty o'flynn o'freil o'friel o'gallagher o'gara o'goldrick
o'gorman o'gowan o'grady o'growney o'hagan o'haire o'halloran o'hanlon o'hanrahan o'hara o'hare
o'haughey o'hea o'hegarty o'hehir o'herlihy o'hickey o'higgins o'hora o'houlihan o'hurley o'hussey
o'kane o'kearney o'keefe o'keeffe o'kelly o'kennedy o'kieve o'kon o'leary o'loan o'looney
o'loughlin o'loughlinn o'mahoney o'mahony o'malley o'mara o'meara o'mooney o'moore o'mullan
o'murnaghan o'neill o'nolan o'rafferty o'rahilly o'reardon o'regan o'reilly o'riordan o'rooney
o'rourke o'ruane o'ryan o'scannell o'shannon o'sharkey o'shaughnessy o'shea o'sheehan o'sheil
o'shiel o'sullivan o'sweeney o'tierney o'togher o'toole oak obama obando obara obare obasanjo obeng
oberbrunner oberg oberhauser oberhofer oberleitner obermayr obermuller oberndorfer oberweis obi
obiero obonyo obradovic obratov obrien obroinin obsut obsutova obuya ocalan ocampo ocana ocasio
ocenas ocenasova ochieng ochoa ochola ochten oconnell oconnor oda odegard odera odero oderwald
odescalchi odetola odhiambo odinaeva odinga odira odiwuor odobasic odom odongo odonnell odoyo
odunsi oduor oduori oehri oemencs oennen oestrovsky oever offredi ofner ofori ofosu ogada ogain
ogawa ogbuehi ogega oger ogeto ogindan oginga oginni ogola ogolla ogulana ogunbamigbe ogunbiyi
ogunbo ogunde ogunleye ogunwobi ogunyeye ogutu ogweno ohlsson ohman ohri oibicin oikarinen oilifir
oinonen oirchinnigh oireachtaigh oirschot oisin oispuu oistigin oitir oja ojala ojanen ojaste ojeda
ojiambo ojo ojua ojukwu ojwang okada okafor okamoto okech okeke okello okelo okemwa oketch okeyo
okinyi okongo okonkwo okoro okoth oks oksanen oktaviani okuku okumu okuneva okyere olabode
oladipupo olah olaiya olander olasupo olate olausson olave olawale olaya olea olesen olesk olguin
oliboni olinger oliva olivares olivarez olivas olive oliveira oliver olivera oliveras olivetti
olivier olivo oller ollikainen ollila ollivier olmedo olmo olmos olofsson oloo olowokeere oloyede
olsen olson olsson olst olthof olubode olugbayila olujimi olukotun olukunga oluoch olusanya
oluwagbemi olvera olykan om omair omani omar omari ombasa ombati ombui omeir omidina ominova omma
ommeren omojola omollo omolo omondi omotoso omran omwenga omweri omwoyo onate ondari ondiek ondieki
onditi ondras ondrasek ondrasekova ondrasik ondrasikova ondrasova ondrejka ondrejko ondrejkova
ondrejkovic ondrejkovicova ondricka ondrus ondrusek ondrusekova ondruska ondrusko ondruskova
ondrusova oneal oneill ongeri onio onisto onjengenyamazane onoh onsongo ontiveros onwuka onyancha
onyango onyiego ooko oommen ooms ooste oosten oostendorp oosterhek oosterhout oostveen ooyen op
oparinde opazo opiyo opizzi oplustil oplustilova opmans opoku opondo opper-lotharingen oppong oprea
opuku oquendo oralaigh oras orav orban orbanic orchard ordenes ordonez orellana orengo oreskovic
org orina orjuela orlando orleans orlic orlik orlikova orlov orlovic ormeno ormsby orn ornelas
orosco orosz orozco orr orrego orsini orsolic orsos orsulic orta ortega ortese ortiz ortmann ortner
ortolani ortuno orucov orwa osborn osborne oscair oscuro osei osgair oshin oshodi osiemo osinski
osiyeva oskarsson osman osorio osoro ospelt ospina ospino ossama ossandon ossani osses ossipov
ossola ostberg osterberg ostergaard osterhoudt ostermann ostinelli ostling ostlund ostman osuna
osuntokun oswald ota otabekov otcenas otcenasova otero oti otiende otieno otiwa otmani ots ott otte
ottino otto ottosson otuo ou ouali ouchene oude oudewater ouellet ouko ouma oun ounapuu ouwel
ouwerkerk ovadia ovalle overdijk overeem overgaard oversteeg oviedo owais owen owens owino owiti
owokoniran owolabi owoyemi owuor owusu owusuwaa oyadiran oyaifo oyarce oyaro oyarzo oyarzun oyekan
oyeniyi oyetoro oyeyemi oyinlola oyoo oyshayeva oyugi oza ozimec ozuna paakkonen paal paananen paap
paas paavilainen paavola pablo pabon paccot pace pacelli pacetti pacheco pacher pachler pachoud
pacillo pacocha pacomio padberg padden padilla padmanabhan padmasari padovano padron paegle paepe
paez paffrath pagac paganini page pages pagliaro pagnotto pai paidin paier paillet paimo pairceir
paiva pajer pajerova paju pajula pajunen pajur pakarinen pal pala palacio palacios palan palastri
palau palazzo palic palka palko palkova palkovic palkovicova pall palla palladio pallares pallo
pallova palm palma palman palmer palmgren palmisano palmqvist palo palomaki palomar palomares
palombi palomino palomo palov palova palovcik palovcikova palovic palovicova palovova palsson
paltrinieri palu paluch paluchova palumbo pamic pammer pan panatta panchal pandey pandit panduric
pandya pang pangestu paniagua panicucci panov pant pantoja panzera pao paoletti paolini paolucci
paor pap papafava papak paparic papetti papp paquay paquet paquette paquin paquot parada paradi
paradis pardo pare paredes pareja parejo parekh parent pareto parijs parikh parini paris parisi
parisian park parker parkes parkin parkinson parkkinen parks parmar parmentier parmer parmitano
parn parna parnpuu parpinel parra parraguez parri parrish parry parsa parsons partanen partel
partida partlainn parts partzelt paruta parviainen parys parzer pasanen pascal pascarella paschoud
pascual pasek pasekova paska pasko paskova pasman pasolini pasqua pasquier passalacqua passchiers
pasten pastine pastoors pastor pasuk pasztor pataki patberg patchett patel paten paterson pathak
patil patino patla paton patrick patterson patton pattyn pau paucek pauer pauk pauko paukova paul
paulauskas paulicek paulicekova paulik paulikova paulitsch paulovic paulovicova paulsen paulsson
paulus pauly pausini pauw pauwels pavanello pavarotti pavel pavelek pavelekova pavelic pavelka
pavelko pavelkova pavelova pavert pavez pavic pavicic pavin pavka pavko pavkova pavkovic pavlic
pavlicek pavlicekova pavlicko pavlik pavlikova pavlikovska pavlikovsky pavlin pavlo pavlov pavlova
pavlovic pavlovicova pavlovova pavol pavolova pavon pavone pavuk pavukova payer payet payne paz
pazos peacock peano pearce pearson peatain pechel peck pecnik pecotic pecur pederiva pedersen
pedersoli pedisic pedraza pedrazzini pedrero pedro pedroni pedrosa pedroza peer peeters peham
peharda pehkonen pei peiffer peinado peircin peiro peitrequin peixoto pekkala pekkarinen pelaez
pelayo pelikan pelikanova pelkonen pellegrini pellet pelletier pelli pellicer pellico pelser
peltier peltola peltonen peltoniemi pena penahov penaloza penalver penas pender pendl peng penic
pennanen pennetta pennington pent penttila penttinen penz pepe pepin pera perak peral perala
perales peralta peranda perano percic perck perdomo perea pereira perello perera peres pereyra
perez pergande pergolesi peri peric perini perisic perkins perko perkona perkons perkov perkovic
permadi permata permchart perner peron peronne peros perozzo perreault perret perri perrier perrin
perron perrono perrot perry persico persijn persson pertile pertini pertiwi pertl perusko peruzzi
pesa pesendorfer pesic peska pesko peskova pesonen petek peter peterlik peters peterse petersen
peterson petersson petit petitjean petralli petrassi petrauskas petric petricevic petrocelli petrov
petrova petrovic petrovicka petrovicky petrucci petrucelli petruska petruskova petruzzi pettai
pettersen pettersson petty petz peukert peyton pezzali pfannerstill pfeffer pfeifer pfeiffer
pfister pfleger phadraig phaidin phakathi phakathwayo pham phartholain phartolain phathwayo phayre
phearsain phelan phelps phetha phethela phewa phikela philban philbin philib philip philipp
philippart philippe philips phillips phillipsen phingoshe phoil phoseka phoswa phungula
phusilarungrueng phuthini pi piacentini pianduangsri piane piazzi picard piccand piccinni piccio
pichardo piche pichler pichon pichpandecha pickering pieber pieper pierard pierce pierrard pierre
pierret pierson pieters pietila pietrangeli piette pigafetta piggott pignatti pigott pihelgas pihl
pihlak piho piir piirainen piirsalu pika pikatsingkorn pike pikec pikk pikova pilbin piljek pillai
pillay pilon pilz pimenta pina pinamonte pincheira pincherle pinder pineau pineda pinedo pineiro
pingle pinheiro pinho pinilla pininfarina pino pinol pintar pintaric pinter pinto pintor pinzon
piogoid piotain piovani piquer pirandello pirard pirc pircher pire pirelli pires piret pirinen
pirker pirlot pirnat piron pirotte pirson pisacane pisani pisano pisaroni pison pistoletto pisut
pisutova pitanuwat pitkanen pittman pitts pizarro pizzamano pizzetti pizziol pizzo pkemoi pla plana
planas plank plantak plantard plante plantek plas plath platini plattner platzer plaucha plauchova
plavec plavecova plavucha plavuchova plaza plazanin plch plchova pleimeann pleimionn plekancova
plekanec plese plesivcova plesivec pletschette ploeg ploom plourde plover pluijm poblete pochet
pocius pock poder podhradska podhradsky podkonicka podkonicky podniece podnieks podra poelmans
poerio pogacnik pohjola pohl poil pointner poirier pokas pokorna pokorny pokos pokuaa pol polak
polakova polanco poland polani polauaypon pold poldma poldmaa pole polesel polet polfliet poliak
poliakova polic polis politz polizzi poljak poljakov poll polla pollak pollakova pollanen pollard
pollet pollich pollu polo polonijo polovic polpo polzer polzl pomaa pomares pombo pometta ponce
poncelet ponci poncin pongpanitch pongrac pons pont pontecorvo ponti poole poom poos pop popa pope
popescu popov popovic poppe poppel porcel porcellato poropat porras porta porter portero portilla
portillo portmann porto porubjak porubjakova porzio posada posalee posch poschl poska poslon
pospisil pospisilova post postl postma pothanun potier potocnik potter potters pottier potts potvin
pou poucke poulain poulin pouliot poulsen pouros pouw povilonis powell power powers powlowski poza
pozder pozega pozo pozuelo pozzecco praagh prabhakar prabhu prabowo prachayaroch prada pradana
pradhan pradipta prado praet praga prager prakalpawong prakasa prakash pranowo prantl praoidheail
prasad prasasta prasetya prasetyo prashad prastuti prat pratama pratesi prati pratiwi prats pratt
praxmarer prayoga prayoonhong preciado preda predovan predovic preiss prelec prem prempeh
prendergast prenner prentice preocanin preston prevost prial pribanic price priede priedite
prieditis priego priest prieto primozic prince pringle prins prinsen prinz priondargas priondragais
priongaloid priselac pritchard priuli privet probst procacci prochazka prochazkova procter proctor
prodi prohaska proietti proinnsias prokop proll proost prosacco proulx prouse provencher provost
prpic prskalo prtenjaca pruitt pruschke pruul pruvost pryal pu pucci puccini pucher puchner
pudjiastuti puente puentes puerta puga pugh pugliese puglisi puhakka puharic puhringer puig
puirseal pujadas pujol pukk puklus puklusova pulci pulgar pulido puljiz pulk pulkkinen pundel
puntigam punz pupak pupakova puranen purcell purdy puri purina purins purmale purmals purnawati
purohit purwanti puscasu puska puskar puskaric puskarova puskova puspasari puspita put putinja
putra putz puusepp puustinen puvi qaasim qabeel qabiloglu qadar qadeer qafarov qafurbeyli qahtan
qaim qais qarabagli qaseem qasif qasimov qedirzade qehremanli qenizade qian qiao qin qiu qoculu
qomazitha qosali quadir quaide qualter quartey quartier quasimodo queally queenane querini quero
querol quesada quevedo quezada quigley quigney quijada quill quillinan quilty quin quinlan
quinlivan quinn quinney quinny quinones quinonez quintana quintanilla quintero quinteros quintus
quirke quiroga quiros quiroz quispe quitzon qurbanli qurbanov qusay qutaybah qutqasinli qwabe raab
raadik raag raaghib raakin raamat raashid raatib raatikainen rabah rabar rabb rabbani rabbitte
rabee rabhartaigh rabhi rabhlaigh rabia rabiah rabitsch rabl rachedi rachtagain racine rackham racz
radel radelic rademaker radenovic radhakrishnan radi radic radin radinovic radisch radl radman
radocaj radojkovic radolovic radosevic radovic raed rael raemdonck raes raeymaekers rafay rafeek
rafferty rafi rafter raftery raftis raghaill raghaille raghallaigh raghavan raghna raghnaill raguz
rahal rahayu raheel rahija rahilly rahimah rahman rahmani rahmawati rahmoune rahmouni rai raid
raidma raifearta raifteiri raighill raighilligh raighle raighne raight raigne rails raimondi rainer
rainne rais raisanen raith raithbheartaigh raithile raj raja rajagopal rajagopalan rajala rajan
rajasa rajata rajcic rajh rajn raju rak rakela rakova rakovan rakovanova rakuljic raleigh raljevic
rallaigh ram rama ramachandran ramadan ramadhan ramaekers ramaker ramakrishnan raman ramanathan
ramaswamy ramazzotti ramdani ramdedovic ramesh ramirez ramis ramon ramos ramsak ramsauer ramsay
ramsey rana ranaigh rand randall randazzo randhawa randles randmaa randoja randolph raney
ranganathan rangel ranta rantala rantanen rao raol rapin rapisardi rappaz rapraz rasanen rascon
raseta rashid rasic rask raskin rasmussen raspor rastelli rastija rastoder rastogi ratemo rath
rathaile rathallaigh ratke ratsep ratta rattan ratti rattigan raty rau rauch raud raudsepp rauhala
raurica rausch rauscher rauter rautiainen rautio ravaglioli raval ravel ravi ravn rawley ray raya
rayel rayhonova raymond raynaud rayner raynor rayyonova razo razov rea reachtabhair reachtabhra
reachtagain reachtain reachtair reachtaire reachtar reachtuire read reade reader reagain real
reamoinn reamonn reanachain reannachain reardon reavy rebane rebic rebolledo rebollo recer recers
rechberger recio reckinger recte reddin reddy redi redican reding redl redmond redondo reed reede
reen rees reese reeves regalado regan rege regge regnier reguera rehimli rehimov rehmanova rehn
rehorst reich reichel reicher reichert reichl reichmann reid reidy reif reig reijers reill reilly
reimann reimes reina reinbacher reindl reiner reinert reinger reinhardt reinikainen reinisch
reinprecht reinsalu reinthaler reis reischl reiser reising reisinger reisner reitbauer reiter
reiterer reithil reithofer reitinger rek remacle remmel remmers rempel remy ren renard renaud
renault renders rendon rendulic renehan rengifo renier renner rensi renson renteria renzi repiska
repisky repo requena resanovic resch resendez resnik respighi restrepo resulzade retamal retamales
rettenbacher reuter revilla rey reyes reyna reynaert reynaud reynders reynell reynolds reynoldson
reynoso rezende rezig rhatigan rhattigan rheineck rhodes ri riabhaigh riada riagain riain riallaigh
riardain riascos riba ribaric ribas ribeiro ribera ribes ribic ribicic ricart riccardi riccati
ricci ricciardi rice rich richard richardova richards richardson richer richey richie richmond
richtar richtarova richter rickard ricko rico ricolfi ridder riddle ridge ridire rieder riedl
riedler riedmann rieger riegler riehl riekstina riekstins riem riener rienzo riepl riera ries
rieser riet rietveld riffo rigaux riggs righi rigney riha rihova riihimaki riikonen rijcken
rijetkovic rijks rijn rijnsbergen rijntjes rijthoven rikke rile riley rinaldi rincon riney ring
ringhofer rinn rinne rinner rintala rio rioba riocaird riogain riogh rioghbhardain riojas riollain
riordain riordan rios riou rioux ripoll rippey rippin riquelme ris risa risch risek riska risko
riskova risma rismondo riso risova rissanen risteard ritacca ritchie ritosa ritter rius rivard
rivas rivera rivero riveros rivers riviere riyanti rizzo rizzoli roa roach roache roarke roarty
roba robadey robb robbins robbrechts robel roberge roberson robert roberts robertson robertsson
robeson robhachain robhartaigh robi robin robinson robitaille robiyayeva robledo robles robson roca
rocamora rocca roccabonella roce rocha rochain roche rocher rock roda rodachain rodai rodaigh
rodain rodarte rodden roddy roden rodenas rodgers rodrigez rodrigo rodrigue rodrigues rodriguez
rodriquez roe roeck roelandt roels roero roessink rogahn roger rogers rogerson rogge rogiers rogner
rogosic rohaan rohac rohacek rohacekova rohacik rohacikova rohacova rohan rohleder rohrdanz rohrer
rohricht rohrmoser roht rohtla roibin roig roijen roisde roiste roithleain rojas rojek rojekova
rojka rojko rojkova rojnic rojo rolain roland roldan rolfson rolland rollinger rollins rolon rom
roma romagnoli romaguera romain roman romancik romancikova romanens romano romanov rombaut rombouts
romer romero romeu romijn romiti romo romova rompaey ronain ronan ronayne roncalli ronkainen ronkko
ronning rono ronoh roo roob roodesteijn rooij room rooney roos roose roosen roosenboom roosileht
roots roover rop ropero roque rorricht ros rosa rosado rosales rosario rosas rose rosell rosello
rosemann rosen rosenbaum rosenberg rosenberger rosengren rosenow rosenqvist rosero rosiello rosin
rosina rosinova roskoth rosmini rosner roso rosova ross rosseel rosselat rosselet rossellat
rosselli rossellini rossello rossetti rossi rossini rossiter rossler rossmann rossum roth
rothallaigh rothlainn rotich rottensteiner rotter rotteveel rottiers roukes roura rourke rousseau
rousseaux roussel rousselet rousset rout rouwenhorst rouwhorst roux rovira rovsenov rowan rowe
rowland rowlands rowley roy roybal royer royo rozas roze rozic rozite rozitis roziyayeva rozman rua
ruachain ruadhain ruadhainn ruadhchain ruaidhe ruaidhin ruaidhinn ruaidhri ruain ruairc ruanadha
ruanai ruanaidhe ruanain ruane ruano rubben rubbia rubene rubenis ruberto rubesa rubik rubikova
rubilar rubinic rubio rudaigh rudden ruddy rudkins rudolf rudolph rudzite rudzitis ruecker rueda
ruegg ruelas ruelle ruffini rufus rufusova ruggeri ruggieri rugut ruhshonova ruijs ruiseal ruiter
ruiz rukavina rumaysayeva rumjantsev rumora runaidhe runolfsdottir runolfsson runte runu
ruotsalainen rupnik rupp ruppersberger ruppert ruqiyayeva rus rush rusko ruskova rusnak rusnakova
rusova russel russell russo rust rusticucci rutar rutherford ruto rutten rutto ruud ruus ruuskanen
ruutel ruwa ruz ruzicka ruzickova ryan rybar rybarik rybarikova rybarova rybnicek rybnicekova ryck
rycke rydberg ryden ryder ryle rynn rynne rys rysa ryska rysko ryskova rysova rytkonen ryynanen
rzaquluzade sa saabir saad saadi saafir saahir saajid saal saalim saaqib saar saare saarela saari
saarinen saariyah saastamoinen saavedra sabah sabater sabatini sabbatini sabbe sabeeh sabela sabelo
sabharwal sabil sabinova sabiq sabir sabljak sabol saboor sabotic sabri sabrinova sabur saburah
sachar sachdev sachdeva saci sacre sacristan sadan sadaqat saddamov sade sadeed sadiqov sadixov
sadixova sadiyeva saefullah saelens saenz saether saez safak safari saffi safinayeva safitri
safiyeva safo safoaa safronov sagar sager sagese sagmeister sagnelli sagredo saha sahbuzlu sahli
sahlin sahni sahota sahraoui sahsuvarli said saidani saidi saidov saidova sailer saina saini sainio
sainz sair sairseal saito saitoti saiz sakac sakalauskas sakamoto sakarya sakinayeva saks saksen
sakwa sala salah salahudin salaj salajka salajkova salajova salako salamanca salami salamoglu
salandra salas salat salata salazar salcedo salcher salcido saldana saldias saldivar saldivia saleh
salem sales salet salgado salgari salhi salic salieri salim salinas sallinen salm salmela salmen
salmeron salmi salminen salmon salo salohiddinov salom salomaa salomonsson salonen salopek salu
salumae salumets salva salvador salvemini salvi salvini salvo salz salzer salzmann sam sama
samandarov samaniego samel samele samelova sameya sami samiloglu samilov saminova samirov samirova
samiyeva sammer sammon sammy samoei samosir sampaio sampath samper sampson samra samson samsonova
samuel samuelova samuelsson samwel samyn san sanabria sanches sanchez sancho sandal sandanezwe
sandberg sande sandell sander sanders sanderson sandgren sandhu sandi sandin sandor sandoval sandoz
sandstrom sandvik sane sanford sang sangha sanghvi sanguineti sangwani sangweni sanhueza sani
sanitra sanitrova sanjarov sanjuan sankar sankaran sanmartin sanmiguel sans sansoni sansonnens sant
santacruz santamaria santana santander santen santi santiago santibanez santic santillan santner
santorio santoro santos santoso sanudo sanz saoraidhe saors saoudi saptono saputra sarabia saraceno
saracino saraf saragat saragih saran sarap sarapuu sardelic sardorov sargac saric sarin sarkan
sarkanova sarkar sarkozi sarlija sarma sarmiento sarna sarneel sarpong sarraf sarsfield saruni sarv
sarvarov sarvinozova sas sasaki sastre sastry sathe satherley sato satriani satta satterfield
sattler sauber sauberlich sauceda saucedo saudan sauer saul sauli saulite saulitis saunders saura
sauro sauvage savage savant savard saveljev savoie savolainen savorgnan sawayn sawe sawhney sawyer
saxena saxo sayah sayers sayyid sbarbaro scaduto scalaidhe scalaighe scalera scalfaro scallaigh
scallan scallon scally scamarcio scanaill scandone scanlain scanlan scanlon scannail scannaill
scannell scannlain scaramucci scardino scarfoglio scarlatti scarpa scarpetta scarponi sceachain
sceallain schaack schaaf schachinger schachner schacht schaden schadler schaefer schaeffer schafer
schaffer schagen schakelaar schalk schaller schamberger schandl schank schantl schar scharer scharf
scharinger scharroo schartner schartz schatteleijn schatz schatzl schaub schauer schaus scheel
scheer scheffers scheibe scheiber scheidegger scheidl schellekens schelvis schenk schenkel schepens
schepers schepper scherer scherms scherr scherrer scherz scherzer scheucher scheuermann
schevinghuizen schiaparelli schiavo schiavone schicchi schiefer schiestl schiffer schilcher
schiller schilling schilt schiltz schimmel schimpl schinagl schindler schinke schinner schinnerl
schintgen schipper schlager schlatter schlauchin schleich schlesser schlogl schlosser schmeler
schmid schmidinger schmidl schmidt schmidtke schmied schmiedecke schmiedt schmit schmitt schmitz
schmolzer schmuck schnabl schneeberger schneider schnyder schober schoberl schoch schoen schoffmann
schofield schokman scholl scholler scholten scholtes scholtz scholz schomber schon schonauer
schonberger schonland schoofs schoonbroodt schopf schotte schottin schou schouten schowalter
schramm schrammel schrant schranz schreiber schreiner schrempf schrenk schrijver schrik
schrittwieser schroder schroeder schroeff schryver schubert schuchhardt schuh schuijt schuler
schulist schuller schulten schultz schulz schumacher schumm schummer schuppe schurch schuster
schutter schutz schuurmans schuylenborch schwab schwaiger schwaighofer schwartsbach schwartz
schwarz schwarzinger schwarzl schwass schweiger schweighofer schweinfurt schweitzer schweizer
schwendinger schwital schyns scialpi scolai scolaidhe scolaighe scollaigh scollain scollan scott
scotti scotto scribhin scriven scullion scully scuylenborchs se seachnasaigh seafraidh seafraigh
seagha seaghain seain seally sealy seamuis seanachain seanaigh seanain seanainn seanlaoich
searcaigh searle searlog searraigh sears seartha seasnain sebastian sebo sebova sec seco secova
sedali sedano sedaqetoglu seddiki seddio sedlacek sedlackova sedlak sedlakova sedlar sedliak
sedliakova seebacher seery seferli segarra segebahn segers segerson segersun segerszoen seghers
segni segovia segovic segre seguel segui seguin segura sehgal seibhleain seibhlin seidel seidl
seifert seighin seil seiler seinin seip seireadain seiser seitheachain seithneachain seitric seitz
seiwald sekera sekerova sekhon selami sele selecka selecky selendic selimova selin sellers sels sem
sembathwa semedoglu semenov semialjac semitecolo sen sener senger sengupta sengwayo senicic senko
senkova senn senouci sensoy seochfhradha seochru seoighe seoin separovic sepp seppa seppala
seppanen sepulveda serao serem sergejev serifova serlupi sermonti serna serra serraglio serrano
serrato sersic servais serwaa seshadri sestak sestan sestig seth sethi setiawan setrick setty
sevarova sevcik sevcikova seven sever sevilla sevillano sevinchova sevrin sevtsenko sexton
seyidbeyli seyidzade seymour seyxzade sezer sezgin sforza sgalambro sgarbi sgulla sha shabalala
shabane shabangu shaffer shaffrey shah shahinova shahnozova shahriyorov shahzodov shailer shamase
shamhrain shan shanahan shand shandu shangase shange shankar shanker shanley shannon shanny shao
sharaf shariff sharkey sharma sharp sharpe sharry shaughnessy shaw shazi she shea sheahan sheane
sheedy sheehan sheehy sheeran sheerin shehu sheikh sheil sheilds sheitric shekoni shelembe shelton
shen sheng shengele shenoy sheoinin shepard shepherd sheppard shere sheridan sherlock sherman
sherry sheth shetty shevlin shezi shi shibase shiel shields shiels shih shikuku shimizu shine
shinga shitric shiurdain shiurtain shoba shohjahonov shohruxov shomais shombela short shortt
shoyisa shozi shroff shu shukla shukronova shupe siacais siadhachain siadhail siaghail siardain
sibal sibalic sibalukhulu sibanda sibaya sibeko sibhene sibhleain sibilia sibindi sibisi sibiya
sibul sidheail sidhu sidi sidler sidlo sidlova sidor sidorov sidorova siebenaler sieber sieberer
siegl siegrist siele siering sierra siffredi sifuna sigagu sigegede sigei sigerson sigl sigrist
sihombing sihotang sihvonen siim sijadu sikhakhane sikhosana sikhunyana sikiric sikk sikobi sikuku
sikwayo sila silangwe sild silina silins silk silke sillanpaa sillaots sillaste siller silm silva
silveira silvennoinen silvestri sima simanjuntak simara simard simba simbolon simek simekova
simelane simeoin simeoni simic simicic simik simikova simiyu simka simko simkova simmon simmonds
simmons simo simoens simoes simola simon simoncic simoncicova simonen simonic simonis simonova
simonovic simonovicova simons simonsen simonsson simova simpson sims simson simunic simunovic
sinaga sinan sinclair sinema singer singh singhal singleton sinha sinisi sinkovec sinkovic sinner
sinnott sinozic siochain siochfhradha siochru sioda siomoin sionachain sionain sionainn sionnaigh
sioradain siorain siothchain sipek sipes sipic sipila sipos siqueira sirait sire sireelert siregar
sirel siren sirin siripaiboo sirois sirotic sirvanzade sirvio sisask sishangwe sishi sishiya
sismondi sisneros sitar sitati sith sithenjwa sithigh sithole sithombo siththe sithuli sitienei
sitolotolo sitompul sitorus sitters sittisaowapak situm situma situmorang siun siurdain sivertsen
siwele sixli sixtus siyaya siyeshe sjoberg sjoblom sjodin sjogren sjoholm sjolander sjolin sjolund
sjostedt sjostrand sjostrom skally skantar skantarova skara skeahan skeffington skehan skelly
skenderovic skiles skinner skivington sklar sklarova sklenar sklenarik sklenarikova sklenarova
sklenica sklenicka sklenickova sklenicova sklenka sklenkova skoda skog skoglund skok skokan
skokanova skold skoog skov skoviera skovierova skrijelj skriniar skriniarova skrlin skrnicki skrtic
skugor skuja skujina skujins skultety skultetyova skunca skupnjak skutecka skutecky sladonja
slaetsdochter slagmolen slahor slahorova slamain slamon slastan slastanova slatara slater slattery
slavica slavik slavikova slegers sleibhin slevin slimani slingerland slivka slivko slivkova sloan
sloane sloboda slobodnik slobodnikova slobodova sloot slota slotova slovak slovakova slovinec
slovinecova slowey sluaghdhain slyne smail smajda smajdova smal small smart smealain smedt smeede
smeets smet smets smid smidova smirnoff smirnov smit smith smitham smits smokovic smolain smolders
smolic smrek smrekova smullen smyth smythe snauwaert snow snyder soares sobarzo sobolev sobota
sobowale sobrero sobrino soderberg sodergren soderholm soderini soderlund soderman soderqvist
soderstrom sodhi soding soduba soest soffici soi soini soininen soita sokac sokcevic sokhela
sokhulu sokhwebula sokic sokk sokol sokolov sokolova sola solana solanki solano solar solari
solberg soldo sole solej solejova soler solera solheim solihayeva solimena solis soliz sollima
solomon solomun solorio solorzano solovjov solsona soltani soltes soltesova soltys soltysova solzer
som somachain soman somboni somers somfula sommaruga sommer somogyi somoza sompisi sondergaard
sondini sondisa song songiya soni sonnino sonnleitner sonqandile sontag sontuli soo sood sooksawang
soolachan soolaghan soon soos soosaar soosalu soot soots soper soprano soranzo sorattanachai sordi
sorensen sorgatz sorger soria soriano soric sorokin sorrentino sosa sosic sosnain sostaric sotelo
sothole soto sotobe soucy soudani soukup soukupova souma sousa southee souza sowman soyinka soylu
spaan spadafora spaendonc spaendonck spain spallanzani spanevello spanhaak sparks spealain spears
speer speijer spelman spence spencer spenser speri sperl spiegl spier spies spiess spika spiker
spilar spilarova spillane spindler spinelli spinka spinola spiolain spiollain spisic spitzer
spolain spoljaric sporer sporri spralja spreeuw spreeuwel spreitzer sprenger spreuwel springer
sproge sprogis sprong spruit spruyt squarcione sraffa sridhar srinivas srinivasan srisoontorn
srivastava srsen st-jean st-laurent st-onge st-pierre stac stace stack stadelmann stadlbauer
stadler stael staelens stafford staglieno stahl stahr stalder stamm stamrood stan stancin stancu
standaert standun stanek stanescu stange stangl stanic stanicic stankevicius stankova stanley
stanton stapleton staquet starcevic stark starkenberg starosta starostova stas stassin stastna
stastny staub staudacher staude staudinger staudt stauffer staunton stecher steckel steed steele
steen steenbakkers steenbeek steer stefan stefanec stefanek stefanekova stefanelli stefanik
stefanikova stefanka stefanko stefankova stefanova stefanovic stefanovicova steffen steffensen
stefovic stefunko stefunkova steger stehr steichen steidl steiger stein steinacher steinbacher
steinbauer steinberg steinberger steinbock steindl steiner steininger steinkellner steinlechner
steinmann steinmeiern steinmetz steinwender stejskal stejskalova stelzer stelzl stenberg stenlund
stenson stenstrom stepanek stepankova stepanov stephen stephens stephenson sterckx sterkman stern
stettler stettyn steuber steuer steurer stevens stevenson steward stewart stey steyaert stibhin
stichter stiebitz stiedemann stiegler stifanic stiffel stifter stimac stin stinis stiofain
stipanovic stiperski stoc stock stocker stockhammer stockinger stockl stockli stodola stodolova
stoffel stoffelsz stoger stoiber stoica stoices stojanov stojcevic stojnic stokes stoll stolnik
stoltenberg stoltz stolz stolze stondun stone stook stopar stoppani storey storladi storm story
stosic stout straaten stracke stradivari straka strakova stralen strand strandberg strangio
strasser stratford stratton strauss strawbridge strazdina strazdins strazicic strba strbac strbova
street streich streicher strickland strid striebitz strigt strigter strijker strik strinavic
strljic strnad strnadova strnisko strniskova strobl stroh strohmaier strohmayer strohmeier strom
stroman stromberg strong stroobants strosin strukelj strycek strycekova stserbakov stuart stubbs
stucchi stucki stuckler studer stuivenberg stummer stumpf stundun stupalo sturlan sturm stutz su
suarez suartini suazo subramaniam subramanian suciu sudiati sugrue suhonen suibhne suijker
suilleabhain suilliobhain suinvorde suipeal suits sujjaboriboon sukhenai sukurlu sukurov sulc
sulcova sule suleiman suleymanli suleymanov sulg sullivan sultanli sultanov sulzer sumayyeva
summers summerville sun sunavcova sunavec sundaram sundberg sundell sunder sundin sundqvist
sundstrom sung sunjic suomalainen suominen suppan supple supraha sur sura surac suran suraprachit
suraprasert surbek sureda suresh suri surian surina surka surkova suryatmi suryono susa susanti
susi susnik sussebier sustar suter sutinen sutt sutter sutton suur suvi suvorov suwarno suzuki svab
svabova svaby svahn svanberg svantesson svard svec svecova svedberg svehla svehlova svendsen
svensson sverko svetlicic svoboda svobodova svrbik svrbikova swaleh swaminathan swamy swaniawski
swanson swart swazi sweeney sweeny swennen swift swinnen swords sykes sykora sykorova symons
synnott syombua syrjala szabo szalai szekely szekeres szilagyi szoke szucs taaj taal taanish tabacu
tabassum tabet taboada tacchini taccola tack tadeen tafazal taferner tafoya tafuri taggart tagizade
tagliafierro tahaw-wur tahawwur taheem tahir tahirzade tahmaseb tahraoui tahri taht tahtinen tai
taibi taichligh taidhg tailliuir tailor taimur taipale tait taj tajammul tak takacs takahashi
takala takkelenburg takyi talal talat talavera talbi talbot taleb talha talhah tali taliani talib
talibli talibov taliercio talpas talpasova talts talwar tamanna tamarit tamas tamayo tamba tamberg
tamborini tamburello tamburi tamburini tamez tamhais tamm tamme tammerijn tammik tamminen
tampubolon tamsma tan tanaka tandon taneja tang tangen tanghe tangney tanguay tanguy tank tanner
tansey tanskanen tanui tanzer tanzini tao tapak tapakova tapdiqli tapdiqoglu tapia tapp tara
tarantini tarantino tarassov tarchetti tardif tarhan tarihoran tarlaigh tarpaigh tarpey tartaglia
tartini tarus tarvainen tasca tasche taskinen tasso tassoni tata tatar tatarka tatarkova tatarova
tate tauber taucher tavares tavcar tawia tawkeel taylor tazka tazky teachain teahan teangana
teangnai tebaldi techer teder tedesco teearu teesalu tehan tehmasibli teidheachain teimhneain
teixeira tejada tejeda tejedor tejera tejero telesio tella tellez tello temirov temmerman tena
tencalla teng tenorio tepes ter teran teras terer terlevic ternan terragni terrazas terrell terron
terry teruel tervo terzic tesar tesija tessier teufl teuling teunissen tevetoglu texier textor
thabekhulu thabethe thabizolo thaidhg thaker thakkar thakur thaler thalhammer thaller thaman
thamhais thamrin thanel thango thantananont thatcher the thein theis theisen thela thembekwayo
thembela thenjwayo theraulaz theriault therrien theunis theuri theys thiarnain thibault thibaut
thibodeau thiel thielen thierry thies thighearnaigh thighearnain thijs thill thilmany thinnes
thiong'o thirion thiry thobeni thoirbhealaigh thoirdhealbhaigh thole thom thoma thomais thomas
thomassen thomka thommen thompson thomsen thomson thonon thony thor thorcail thoren thorens
thornton thorpe thorsen thout thoya thoyana threinfhear threinfhir thuathail thuathalain thuku
thulin thuliswayo thumbela thumbeza thuo thuranira thurner thusi thusini thwala thygesen thys ti
tiainen tian tianvarich tiarnaigh tiarnain tiba ticha tichy tiefenbacher tielemans tien tiepolo
tiernan tierney tighe tighearna tighearnaigh tighearnain tihhomirov tiihonen tiik tiits tijerina
tikka tikkanen tilk tillman tillmanno timek timekova timka timko timkova timlin timmerman
timmermans timofejev timonen timoney timony ting tinguely tinney tins tintzmann tiobraide tiomanai
tiomanaidh tiomanaidhe tiomanaigh tirabassi tirado tirie tirkkonen tirop tirpak tirpakova tisaj
tischler titipatrayunyong titov titus tiwaa tiwari tlustek toal tobar tobin tobler todd
todsapornpitakul toft togher togliatti tognazzi tohall toibin toic toirbhealaigh toivanen toivonen
tolain tolan toldo toledo tolentino tolin tolj tolonen tolosa toloza tolvanen toma tomais toman
tomana tomanek tomanekova tomanik tomanikova tomanova tomas tomasek tomasekova tomaselli tomasetti
tomasik tomasikova tomasini tomaska tomasko tomaskova tomasova tomazic tome tomecek tomecekova
tomecka tomecko tomeckova tomei tomek tomekova tomescu tomhnair tomic tomicic tomingas tomka tomko
tomkova tomlinson tomljanovic tommaseo toms tomsic tomson tonc toner toninelli tonisson tonisto
tonra tonui too toolan toole toolin toolis toom tooman toome toomey tooming toomsalu toor toots
topic toplak topolska topolsky torfs torlonia tormaigh tormay tormey tormo tornatore tornqvist toro
toroitich torok torp torpaigh torpey torphy torralba torre torrecilla torrence torrens torrent
torrents torres torrez torricelli torrijos torstensson toscani toscanini toselli tosi toso tosto
toth totic totino totwiller touati toubeau touil toumi tournay tours toussaint tovar towett towne
townsend toy tozzi tozzo tracey tracy traetta trainor tran trantow traoin traore trapanese trapani
trapp trask tratnik trattner trauner trausch travaglia travaglio travers traversa travia travis
traxler traynor trbovic treabhair treacy treanor treasa treasai treasaigh trebbi treboux treccani
trei treial treier treinfhear trejo tremblay tremonti trenor trentin trentini treo treoigh
trepanier tresoldi treutel treves trevino trevisan trevisani trezzini trgovcic triall triana
trierweiler trikasemmart trillini trillo trimmel trincavelli trinkl tripathi triplat trivedi trlik
trlikova trnski trobbiani troch trofimov troisi trombetta trommler tromp tron troncoso tropea trost
trotta trottier troy trub truben trubenova trubin trudel trujillo trummer trupiano trupp trussardi
trutanic truu tsagairt tsai tsao tsaoi tsaoir tschentscher tseng tsionnaigh tsithigh tso tsou tsui
tsuma tsvetkov tu tuachair tuairisc tuairisg tuama tuamain tuan tuaraisce tuaruisce tuataigh
tuathaigh tuathail tuathaill tuathalain tuathalin tuathlainn tubridy tucker tuda tudela tudic tudor
tuijl tuile tuimlin tuisk tuithof tukane tuksar tukur tully tuma tumova tung tungkasethakul tuohey
tuohy tuomi tuominen tuovinen tupa tupy tur turalli turati turchetta turchi turci turcinov turcok
turcokova turcotte turesson turgeon turina turins turk turley turmes turnbull turner turongkinanon
turpeinen turpin turraoin turrini turudic turunen tusek tuskan tutino tutty tutu tuul tuulik tuwei
tuzzolino tveit tweneboa twidle twohey twohig twomey twumasi tyler tynan tyrrell uaid uaiteir
uaithne ualghairg uallachain ualtair ubaadah ubadah ubaid ubaidah ubaldi ubay ubayd ubaydullah uche
udeen udeh udinese udinesi ugarte ughi ugo ugrinic ugurlu uhban uhl ui uibhrin uibo uidhir uidhlinn
uiginn uilcin uit uittenbosch ukic uldry ulibarri ulker ullmann ulloa ullrich ulrich ultaigh
umaarah umair umar umarov und underwood ungaretti unger uniacke uniaque unruoch unt unterberger
unterweger uotila upadhyay uphaus uphuis uphus uppal upton uram uramova urb urbain urban urbanova
urbany urbina urblik urblikova urbonas urena uria uriarte urias uribe urlic urra urrab urrutia
urzua usada usamah usic usmonov utama utami uus uusitalo uustalu uwais uyainah vaananen vaati
vabaza vaca vacek vachon vaci vackova vaes vaessen vahar vaher vahi vaht vahter vahtra vaidya
vaillancourt vaillant vain vainio vaino vaisanen vajcik vajcikova vajda vajdova vala valach
valachova valachovic valachovicova valadez valbuena valcarcel valdebenito valderrama valdes valdez
valdivia valencia valenciano valent valenta valente valentic valentin valentine valentino
valentinova valentova valenzuela valera valero valette valge valguarnera vali valicek valicekova
valier valimaki valjetic valk valkama valkonen vall valladares valle vallee vallejo vallejos
vallelian vallenduuk valles vallet vallin valls valmarana valtonen valusek valusekova valuska
valuskova valverde van vanaga vanags vanbrabant vance vandaele vandamme vandecasteele
vandekerckhove vandenbergh vandenberghe vandenbroucke vandenbussche vandendriessche vandeputte
vanderheyden vanderlinden vanderstraeten vandervort vandevelde vandewalle vanegas vanek vanekova
vang vangisa vanhee vanhoutte vanhove vankova vanneste vansteenkiste vanvitelli vaquero vara varadi
varano varas varela vares varga vargas varghese varik varis varkey varma vartiainen varty varughese
vasa vasari vasconcelos vasek vasekova vasiliev vaska vasko vaskova vasquez vass vasseur vastenhouw
vastraedsd vattimo vaughan vaughn vavra vavrinec vavrinecova vavrova vayrynen vaz vazquez veale
veas vecellio vecoli veen veenendaal veenstra vefali vega vegt veic veilleux veit veiver vejar vela
velandia velasco velasquez velazquez veldak veldakova velde velden velderman velez velioglu
velixanov veliyeva veliz velizade veloso velthoven veltman veltroni velzen ven venalainen vendetti
venditti vendrell venegas veneziano venier venkataraman venkatesh venrooy vento venturi vera
verbeeck verbeek verbeke verbiest verbist verboom verboven verbruggen verbrugghe vercammen
vercauteren vercelloni vercoe vercruysse verda verdejo verdi verdier verdonck verdone verdu verdugo
verdun verduzco vereecke vereecken verelst veres verfaillie verga vergara vergassola vergauwen
vergeer vergerio verhaar verhaegen verhaeghe verhagen verharen verheij verhelst verheuvel verheyden
verheyen verhoeven verhulst verkade verlinden verma vermandois vermeersch vermeil vermeir vermeire
vermeiren vermeulen vermeylen verri versace verschuere verschueren verschut versluijs verstappen
verstraete verstraeten vertoor vertooren vervaeke vervaet vervoort verwimp verwoert vesel vesela
veselova vesely veski vespa vespucci vestergaard vesterinen vesterlund vestin veternik veternikova
vethayasas veum veyselli vezi vezina veziroglu vezirov vezzali vi viaene vial viana vianello viberg
vicen vicena vicencio vicenova vicens vicente victor victory vidakovic vidal vidas videla vidic
vidmar vidoni vidov vidovic vieira vienne viera vierdag vig vigil vigliotti vigneron vignon
vigorelli viik viira viitala viitanen vik viklund viks viksna vikstrom vila vilain vilakazi vilalta
vilanova vilaplana vilar vilayetoglu vilches vilcina vilcins vilhelmsson viljanen viljevac vilks
vill villa villablanca villadicani villagomez villagra villagran villalba villalobos villalonga
villalpando villamil villamizar villanueva villar villareal villarosa villarreal villarroel
villasenor villaverde villegas villemson villena villeneuve vina vinas vincent vincetic vinck
vincze vink vinogradov vinyuvanichkul viola virag virgilio virk virta virtanen visconti visintini
vismara visnapuu visnovska visnovsky visser vissers viswanathan vitali vitasovic vitek vitkova
vitola vitolina vitolins vitols vittadello vitturi vivaldi vivanco viveros vives viviani vizcaino
vizintin vlaanderen vlach vlachova vlachovic vlachovicova vladislavic vlaeminck vlasic vlassov
vlcek vlckova vleugels vliet vlk vlkova vlna vlnka vlnkova vlnova vodopivec voet vogel vogl vogler
vogt vohra voinea voisin vojkovic vojtek vojtekova vojtka vojtko vojtkova volarevic volaric volcke
volk volkman volkov vollbrecht volta volterra von vonlanthen vonrueden voorde voorhout voorst
voortman vora vorkapic vorobjov voronin voros vos vosu voutilainen vozar vozarova vozila vrabcova
vrabec vrabelj vrablec vrablecova vrancken vranckx vranic vranken vrban vretenar vrhovec vries
vroege vrome vsiliauskas vu vucetic vucin vuckovic vugdelija vugec vuille vuk vukman vukobratovic
vukovic vukusic vuljak vumisa vundla vunisa vuorela vuori vuorinen vuyst vyas vydarena vydareny
waahid waajid waarbeek waardeloo waas wable wabomba wabwile wabwire wacana wachira wachter wade
waderle wadhwa wadi wadood waelchi waele wafa wafeeq wafula wagener wagenknecht wagenvoort waghorn
wagle wagner wahhaaj wahlberg wahlgren wahlstrom wahner wahome wahyudin wahyuni wainaina wairimu
waithaka waithera waithira wakhungu wakio wako wal walch walcher walder walderade waldner waldron
wali walia walker wall walla wallace wallaert walle wallen waller wallgren wallin wallis wallner
walls walser walsh walshe walsteijn walter walters waltl walton waltrade waluyo wamaitha wamalwa
wamboi wambua wambugu wambui wambura wampach wamuyu wan wanda wandera wandl wang wanga wangai
wangare wangari wangechi wangeci wanger wangila wangui wanijiku wanja wanjala wanjau wanje wanjiku
wanjira wanjiru wanjohi wanjugu wannapaitoonsri wantz wanyama wanyoike wanyonyi wanza wanzala ward
ware wario warmer warner warnier warren warrior waruguru warui wasendlunkulu washington wasike
wasita waskita wason wasonga wassenaar wastuti wasunun waswa watanabe water waters wathelet watkins
watsica watson watt watters wattiez watts waugh wauters wauthier wavinya waweru wawira wawire way
wayua weaver webb webby weber webster wechselberger wechuli weeks weeldenburg weerdenburg weerdt
weever wegmann wegscheider wehner wehrli wei weibel weidinger weigl weihmann weijland weijters
weiler weimann weimer weinberger weinhage weinhold weir weis weiser weisgerber weiss weissenbock
weissnat weitzel wekesa wel wela welch weldon welf wellens weller wells welter wen wende wendt weng
wenger weninger wennberg wensen wenzl werd werdes were wernecke werner weru wery wesack wesonga
wessex west westberg wester westerbeek westerberg westerburg westerlund westermann westfalen westin
westlund westman weston weterink wettstein wever weydert weyland weylant weyrich weza whalen
wheeler whelan whelehan whitaker white whitehead whitehouse whitney whittaker whitty whyte wiafe
wiberg wibisono wibowo wicht wickerode widen widhalm widiastuti widmann widmer widodo wiedner
wiegand wiek wiel wieland wieloch wiener wies wiesbauer wieser wiesinger wiesner wiggins wigman
wijaya wijayanti wijk wijland wiklund wikstrom wilcken wilcox wild wilde wilderman wildschut wiley
wilfinger wilhelm wilhelmsson wilkerson wilkin wilkins wilkinson will willaert willame wille
willekens willem willems willemsen william williams williamson willigen willis willms wills wilmart
wilmes wilmet wilmont wilmotte wilms wilmsen wilson wilton wiltzius wimmer wimolnot winandy winarno
winarsih winberg windhager windisch windler winkler winnrich winter winters wintheiser winther
wipstrik wirth wirtz wirz wise wisoky wisozk wit witte wittenboer witting wittmann wiza wogerbauer
wohlgemut wohlmuth wohlwend wohrer wolf wolfe wolff wolffel wolfinger wolfsdr wolfswinkel wolter
wolters wolzak wong wood woodard woods woodward woolley wooning woudenberg woulfe wouters woutersz
wratt wren wrenn wright wrynn wu wuckert wulandari wulf wulff wunderink wunsch wurm wurzer
wurzinger wuthrich wutke wuyts wyatt wyman wynants wynne wyss xaba xakimov xala xelilov xhakaza xia
xiang xiao xie ximba xiong xolidov xolo xu xue xulu yaa yaamoa yadav yadid yafir yaghnam yahaya
yahi yahia yahiaoui yahyaa yahyoev yakub yamada yamaguchi yamamoto yaman yamashita yamazaki yan
yanez yang yao yaqubov yar yasinaeva yasinov yasir yasminova yates yatich yator yawer yawson ybarra
ye yeboa yeboah yego yegon yeh yei yen yengwa yengwayo yepes yeyeye yi yildirim yilmaz yin ying
yirenkyi ylinen ylitalo ylonen yoder yogi yohannan yolanda york yorulmaz yoshida yost young
youprasert yousfi yu yuan yudas yueh yuksel yulianti yuliarti yundt yuniar yunusov yusifoglu
yusifqizi yusifzade yussuf yuste yusuf yusupov zaafir zaahid zaahir zaakir zaal zabala zabaleta
zabarella zabjacan zaborska zaborsky zaccagnini zaccardo zacchia zacco zach zachar zachara zacharia
zachariah zacharias zachariasova zacharova zackariya zafar zafir zafrul zagar zaguri zahaar zaheer
zahharov zahn zahri zahroyeva zahrun zahur zaidi zaitsev zajac zajacova zajc zak zakariyoev zake
zakinja zakis zakiyaxonova zakova zakrajsek zalite zalitis zalokar zambrano zamengo zamora zamorani
zamorano zampa zamudio zanazzo zangerl zanichelli zanker zanoski zanzi zaoui zapata zaragoza zarar
zarate zarina zarinova zarins zarlino zauner zavala zawadi zayas zayidov zaynabova zayyir zbinden
zboncak zeba zebec zecchini zechmeister zechner zedillo zeemans zeffirelli zehetner zehnder zeiler
zeilinger zeimes zeimet zeiner zelaya zeldenrust zeleznik zeleznikova zelic zeller zeltina zeltins
zeman zemanova zemlak zemljic zeng zengin zenner zenteno zenz zepeda zerjav zeroual zerrouki
zetterberg zetticci zettl zevenboom zezelic zgorelec zhang zhao zheng zhong zhou zhu ziane ziani
zibert zic zichichi zidane ziegert ziegler ziemann zieme ziemele ziemelis zigmund zigmundova zigo
zigova zijl zijlemans zijlmans zikhungwini zikovic zima zimka zimkova zimmer zimmerman zimmermann
zimova zingg zinnurova zirme zirne zirnis ziro zito zitouni zivic zivkovic zizek zmaic znidarsic
zobel zochling zohrer zola zollinger zoppetti zoppetto zorbach zorko zorlu zorman zorrilla zotter
zou zouaoui zrilic zrinski zu zubairu zubayrov zubcic zubek zubekova zubka zubko zubkova zubrik
zubrikova zufika zugec zuidweg zuijdveld zujev zukauskas zukov zulaika zulauf zulkarnain zuluaga
zunec zuniga zupan zupanc zupancic zupanic zuravljov zurcher zurita zuvela zuwayhir zuzic zvaigzne
zver zvirbule zvirbulis zwaben zwart zwijsen zwindrecht
"""

WORDS = """
abate abbey abed ace add admiral agate age ah aide alas albino ale ales aline ally almond alpha
alto amber amble amigo amir among an angel angelic ani anon ante antic ants arch archer arenas ares
aria arias arroyo art arts as ascension asp aspen astride atlas auger august aura author autumn
azalea baa babe baby back backer bah bail baker bale ball ban banks baptist bar barb barber bare
barer barker barman barney baron barrio barrios barrows basic basil bass bassi basso bates bath
bean beard beat beau beck bee beer begin bell belle bender bent berg berry beryl best beta bigot
bilge bill billy binder bins birch bird birdie bishop bite bitten black blanch blaze blessing bliss
block blossom blot boas bob bobby bode bodkin boga bogey boles bond boner bones bonnet bonnie bonny
boon booth bore borer boss bot bouillon bourgeois bowers bowler bowman bozo bra brad brain branch
brand brands brandy bravo bray brewer brick bridge bridges bright brink brogan brook brooks brown
browning bruin brunet buck bud buddy bull bullock bunk burger burns burr burrows bury bush buster
butch butcher butler butte cabanas caddie cadence cairn cairns cal cam camp camps can canal canals
candy canning cannon canny cant canton canyon cap caprice captain car cares carmine carol carpenter
carrier carrion carry carton case cases cash celesta chad chamberlain chambers champ champagne
chance chancy chandler char charity chase chastity cherish cherry chi chin china chip christen
chuck church cinnamon cis clay clear cleave clement cliff close cocci cock colas colic colleen
collie collier colon colonel colt comas combs come comer comfort comment commodore company con
constant contractor convey cook cools cooper cop coral cord cornet corona corral cote cotter
council courtier cousin cousins cox coy crane craven craw creed crooks cross cruise crystal cumming
curry curt curtain dado dahlia daisy dale dam dare darling dash date davenport dawn day deacon dean
deb decamps deep deforest dell delta den derrick desire destiny diamond dick dickey dickie die
dieter dimple din ding dink dirk dis divan diver divine doc dock doctor dodo doll dolly don dos dot
dotty dove downing downs doyen drake drew dries drub drum duff duke dung dunning dusty dyer each
earl early earnest ebb ebony echo ed eddy edit eider elder ell else ember emerald emery emir emit
emo era ermine es essence ester eta ether eve ever fair fairy faith falcon fall fan fancy fang
fanning fanny fares farina farmer fate fawn fed fee felicity feline feller fem fern ferry field
fielding fields finch finis fink fisher fleck fleet flint flood floor flora florin flowers font
foot ford forest forget forum foster fount fox franc frank freely freeman french fresh friend frisk
frost fry fuller funk gage gal gala gale gall gamble gang garland garner garnet garret garrison
gates gauge gay gee gene general genesis genie gent gentry gibbon gibbons gill ginger girts glass
glasses glazier glen goblet golden gong good gore gorge gorp governor grace grand grant gravel
graves gray green greet grey griffin grill grimes grit gross grove grunt guard gully gun gunner
gunning gunny gurney gust gut guy hacker hale hall ham hammer hand handler handy hank harden hardy
hare haring harm harmony harry harsh hart hasty haven hawthorn hay hays hazel he hearty heath
heather heaven heck hector held hell helm hence henna hens herb herd heron herring hickey hicks
hide hill hills hind ho hoes hogan holder holler holly homer honing hood hoof hook hoop hope horn
house hove hovel huff hug hull hung hunt hunter hurt hymen ibis icy ii imam immaculate infant
innocent ion iris ivory ivy jack jade jail jarred jasmine jasper jay jet jewel jimmy job john johns
joke josh journey joy judge jug julienne junior junk justice kale karma keeling ken key khan kick
kiddy kidney killer kind kindle king kink kismet kiss kit kitty knight knoll la lace lacy lad
laddie lady lam lamas lamb lance lander lane lark lass lassie laurel lavender law lawless lawyer
laze lea leach leafy lean leaner lee leech leek lees lei leis lemma lemon less levy liberty lice
lie lien lies lily limo linden line link lips lira lisle list lithe little llamas llano llanos lo
loan lode lone long loon looney loot lope lopes lord lore lot love low lower loyal lucid lucky lung
luster lute lynch lyric ma mace macho mad madden made madrigal mads magic magnolia major male mall
mallet mambo man mane manly manning mans mantilla mar mare mares margarita maria marina marine mark
marks marlin marquis marquise marry mars marsh marshal mart marten martens martial martin martins
marvel mas mason mast master mat mate math mats matt matts maverick max maxim maxima may mayo mayor
mayoral meadow meadows media medic meg melody mentor merchant mercy merino merrily merry mesa
messiah meta metro mickey mike mil mile miles miller millet mills min miner minor miracle mist
misty mitt mo moan molder moles moll monk monks moody moon moons moor moors more mores morrow moss
mountain mu mule murk must my myrtle nacho nadir nail nanny narcissus nary newt newton nick nickels
nil ninja noble noel north nova novella oak octave odd olive op opal oral orange orchard ova over
owe pace page pages paisley pal palazzo pall palm palomino pan pang pansy pant pap par pare parent
park parks parley parry parsons parts paschal pastor pat pate patience patsy patty paw payer peace
peacock pearl pearly peck peer pellet penny pent pepper per peter peters petty phoebe phoenix pi
pier pierce pike ping pink pinkie pinto piper plank plaza pleas pleasant plover pock pol pole poll
polo pop pope poppy porter post potter potters pottier power powers precious press price priest
prince princess prior privet proctor prosper provost prudence puck purity purl put queen quill
rafter raid rails raja ram ran randy ransom rares rattan ravel raven ray read reader real reason
red redden reed reeves rein reis renders rhea rice rich richer rick riddle ridge rile rim ring
river rivers roach roan roar rob robin rock rocky rod roe roger rogers roll romaine roman room
roots rose rosemary rosette rosin rosy rout royal rube ruby ruddy run rune runny rush rust rusty
rut sable sacristan sad safari saga sage sager said saint salami sales sally salmon salvo sandal
sander sanders sandy sane sang sans sari savage savanna savannah savant sawyer scarlet schmuck
scullion sears sec sellers senna sera serenity serge server seven sever sexton shad shade shah
sharp she sheikh shepherd sherry shields shine short sibyl side sierra silk silvan silver sim sims
sincere sine sing singer singleton sinner sire siren sister sitar sitters skip sky small smart smit
smith smolders snot snow sol solar sole solver son sonata song sonny soon soot soprano sos sparks
spears spies spring squire stack star stark starling steed steer stein sterling stern steward stock
stokes stone stonewall stoney storey storm stormy story stout strand street strong sue suits summer
summers sun sunder sung sunny sunshine supple swift swords sylvan tab tack tad tailor talon tan
tang tank tanner taro tawny tea terry thatcher the theta thorny ti tiara ties tilde till tine ting
tins tiny tom tome toms tone toner tony too toots topic tor tore torrent torrents tours toy trace
treasure trinity tromp tron troy true tucker turner tutu unique unknown unnamed urban us vain
valentine valiant valid valves van var veer velvet vernal vi vial victor victory vigil villa viola
violet visa viva wade wadi wage waldo walker wall walls wan ward ware warmer warren warrior wash
water waters watt watts way weaver weeks weir welch wellington wells welter wen were west wheeler
whit white widen wiener wild wilder will willow wills windy wing winter winters wise wit witting
wolf wolfram wood woods woody worth wren wright yaw ye yen yoga yogi young yr zed zeta
"""
